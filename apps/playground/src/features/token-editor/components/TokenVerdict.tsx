import { ResponseView } from '../../../components/ResponseView';
import { TraceById } from '../../../components/TraceById';
import { errorMessageOf, type RawResponse } from '../../../lib/api-client';
import { decodeJwt } from '../../../lib/decode-jwt';
import type { TokenProbe } from '../api/send-with-token';

interface TokenVerdictProps {
  verdict: RawResponse;
  /** The token that was sent, and where. */
  token: string;
  probe: TokenProbe;
  currentToken: string;
}

/** What the API made of the sent token: accepted or refused, why, and the request's lifecycle. */
export function TokenVerdict({ verdict, token, probe, currentToken }: TokenVerdictProps) {
  const message = errorMessageOf(verdict.body);
  const challenge = verdict.headers.find(
    ([name]) => name.toLowerCase() === 'www-authenticate',
  )?.[1];
  const accepted = verdict.status < 400;
  return (
    <div className="verdict">
      <p
        className={`verdict-line ${accepted ? 'verdict-accepted' : 'verdict-refused'}`}
        role="status"
      >
        {accepted ? (
          <>
            <strong>The API accepted the token</strong> ({verdict.status}).
          </>
        ) : (
          <>
            <strong>The API refused it</strong> ({verdict.status}){message ? `: ${message}` : '.'}
          </>
        )}
      </p>
      {accepted && decodeJwt(token).ok && token !== currentToken && (
        <p className="takeaway">
          The API cannot tell this token from one it issued: whoever holds the signing secret can
          mint any role. That is why the secret never leaves the server.
        </p>
      )}
      {challenge && (
        <p className="hint">
          WWW-Authenticate: <span className="mono">{challenge}</span>
        </p>
      )}
      <ResponseView response={verdict} label={`Response of ${probe.method} ${probe.path}`} />
      {/* Read with the sent token: the API shows a signed-in request's trace only to its token's
          holder. A token it refused made an anonymous request, which getTrace then reads with the
          playground session alone. */}
      {verdict.traceId && <TraceById traceId={verdict.traceId} token={token} />}
    </div>
  );
}
