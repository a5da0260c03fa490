import { apiRequest } from '../../../lib/api-client';
import { COOKIE_MODE } from '../../../lib/cookie-mode';

/** Asks the API to clear the session cookie (and revoke what it can). */
export function signOut(): Promise<unknown> {
  return apiRequest(COOKIE_MODE.signOutPath, { method: 'POST', body: {} });
}
