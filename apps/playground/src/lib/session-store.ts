import type { Role } from '@authlab/shared';
import { createStore, useStore } from './create-store';

/** How the access token travels: in the response body and then the Authorization header, or in an HttpOnly cookie. */
export type TokenDelivery = 'bearer' | 'cookie';

export interface PlaygroundSession {
  username: string;
  role: Role;
  delivery: TokenDelivery;
  /** The token itself; absent in cookie mode, where JavaScript never sees it. */
  accessToken?: string;
  expiresIn: number;
  /** The trace of the sign-in request (it holds the Set-Cookie summaries). */
  signInTraceId?: string;
}

/** The one signed-in session the views share: set by the sign-in panel, read by every view. */
export const sessionStore = createStore<PlaygroundSession | null>(null);

export function useSession(): PlaygroundSession | null {
  return useStore(sessionStore);
}
