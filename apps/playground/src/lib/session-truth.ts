import { endCurrentSession, type PlaygroundSession } from './session-store';

/** What a request carried, as far as the signed-in session is concerned. */
export interface CarriedCredentials {
  method: string;
  path: string;
  /** The bearer token in the Authorization header, if any. */
  token: string | undefined;
  /** Whether the browser was allowed to add its cookies. */
  cookies: boolean;
}

/** Requests that end the session that sends them (and, outside demo mode, more). */
const SESSION_ENDING = /^\/api\/auth\/(signout|signout-all|password)$/;

function carriesSession(session: PlaygroundSession, sent: CarriedCredentials): boolean {
  return session.delivery === 'body'
    ? sent.token !== undefined && sent.token === session.accessToken
    : sent.token === undefined && sent.cookies;
}

/** The error_description of a `WWW-Authenticate: Bearer error="invalid_token"` challenge (RFC 6750 §3). */
function invalidTokenReason(challenge: string | null): string | undefined {
  if (!challenge || !/error="invalid_token"/.test(challenge)) return undefined;
  return /error_description="([^"]*)"/.exec(challenge)?.[1] ?? 'The API refused the access token';
}

/**
 * Every answer to a request that carried the signed-in session's credentials says whether the
 * session still holds: a 401 invalid_token or a successful sign-out ends it on the page too, so
 * the header never calls a refused token valid.
 */
export function noteAnswer(
  sent: CarriedCredentials,
  status: number,
  challenge: string | null,
  current: PlaygroundSession | null,
): void {
  if (!current || current.ended || !carriesSession(current, sent)) return;
  const path = sent.path.replace(/[?#].*$/, '');
  const refused = status === 401 ? invalidTokenReason(challenge) : undefined;
  if (refused) {
    endCurrentSession(refused.replace(/\.?$/, '.'), (session) => session === current);
  } else if (sent.method === 'POST' && status === 204 && SESSION_ENDING.test(path)) {
    endCurrentSession(`signed out with POST ${path}.`, (session) => session === current);
  }
}
