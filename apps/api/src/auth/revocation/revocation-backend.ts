import type { RevocationEvent } from './revocation-event.js';

/** How the RevocationService hears about revocations, its own and other instances'. */
export interface RevocationListener {
  event(event: RevocationEvent): void;
  /** Events may be missed from now on (the connection dropped): stop deciding until resynchronised. */
  stale(): void;
  /** Listening again: reload every fact, then decide again. */
  resync(): void;
}

/**
 * Where revocations are recorded and how every instance learns of them: in this process only
 * (one instance), or through Redis (several instances).
 */
export interface RevocationBackend {
  /** Records the event where instances starting later find it, and tells every running instance. */
  publish(event: RevocationEvent): Promise<void>;
  /** The signed-out tokens still in force, for an instance that starts or resynchronises. */
  deniedTokens(nowSeconds: number): Promise<Array<{ jti: string; until: number }>>;
  listen(listener: RevocationListener): Promise<void>;
  close(): Promise<void>;
}

export const REVOCATION_BACKEND = Symbol('REVOCATION_BACKEND');
