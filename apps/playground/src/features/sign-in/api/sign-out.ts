import { endSessionOnServer } from '../../../lib/end-session';
import type { PlaygroundSession } from '../../../lib/session-store';

/** Ends the session on the server: the token is refused from now on and the cookies are cleared. */
export function signOut(session: PlaygroundSession): Promise<void> {
  return endSessionOnServer(session);
}
