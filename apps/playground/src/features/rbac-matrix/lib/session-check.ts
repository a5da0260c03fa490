import { apiRequestRaw } from '../../../lib/api-client';
import { sessionStore } from '../../../lib/session-store';

/**
 * Asks the API whether the signed-in session still holds (GET /api/auth/me with its own
 * credentials); a refusal marks it ended through the answer's WWW-Authenticate challenge.
 */
export async function recheckSession(): Promise<void> {
  const session = sessionStore.get();
  if (!session || session.ended) return;
  try {
    await apiRequestRaw('/api/auth/me', {
      background: true,
      ...(session.delivery === 'body' && session.accessToken ? { token: session.accessToken } : {}),
    });
  } catch {
    // Unreachable API: nothing learned.
  }
}
