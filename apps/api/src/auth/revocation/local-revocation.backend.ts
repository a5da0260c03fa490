import type { RevocationEvent } from './revocation-event.js';
import type { RevocationBackend, RevocationListener } from './revocation-backend.js';

/**
 * One instance, no Redis: the events go straight to this process's view. The signed-out `jti`s
 * live only in memory, which is enough because sign-out also ends the session in the database,
 * and ended sessions are reloaded at start-up.
 */
export class LocalRevocationBackend implements RevocationBackend {
  private listener: RevocationListener | undefined;

  publish(event: RevocationEvent): Promise<void> {
    this.listener?.event(event);
    return Promise.resolve();
  }

  deniedTokens(): Promise<Array<{ jti: string; until: number }>> {
    return Promise.resolve([]);
  }

  listen(listener: RevocationListener): Promise<void> {
    this.listener = listener;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.listener = undefined;
    return Promise.resolve();
  }
}
