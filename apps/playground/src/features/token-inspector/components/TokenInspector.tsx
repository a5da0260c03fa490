import { useId, useState } from 'react';
import { JsonBlock } from '../../../components/JsonBlock';
import { TokenSegments } from '../../../components/TokenSegments';
import { decodeJwt, type JsonObject } from '../../../lib/decode-jwt';
import { HEADER_FIELDS, PAYLOAD_FIELDS, TIME_CLAIMS } from '../lib/jwt-claims';
import type { PlaygroundSession } from '../../../lib/session-store';
import { tokenWarnings } from '../lib/token-warnings';
import { useNowSeconds } from '../hooks/use-now';
import { BrokenPart } from './BrokenPart';
import { ClaimsTable } from './ClaimsTable';
import { isCrackable } from '../cracking/crack-hmac-secret';
import { ExpiryStatus } from './ExpiryStatus';
import { SecretCracker } from './SecretCracker';
import { SignatureCheck } from './SignatureCheck';
import { TokenWarnings } from './TokenWarnings';

interface TokenInspectorProps {
  session: PlaygroundSession | null;
  /** The playground's current token, when it is not the session's (one the learner chose). */
  currentToken?: string | undefined;
}

/** Takes a token apart: coloured parts, every field explained, expiry, warnings and a signature check. */
export function TokenInspector({
  session,
  currentToken = session?.accessToken,
}: TokenInspectorProps) {
  const [token, setToken] = useState(currentToken ?? '');
  const [shownFor, setShownFor] = useState(currentToken);
  const nowSeconds = useNowSeconds();
  const id = useId();

  // A new sign-in replaces what is inspected and a sign-out clears its token; a pasted one stays.
  if (currentToken !== shownFor) {
    setShownFor(currentToken);
    if (currentToken) setToken(currentToken);
    else if (token === shownFor) setToken('');
  }

  const decoded = token.trim() === '' ? null : decodeJwt(token);
  const header: JsonObject | undefined =
    decoded?.ok && decoded.header.ok ? decoded.header.value : undefined;
  const payload: JsonObject | undefined =
    decoded?.ok && decoded.payload.ok ? decoded.payload.value : undefined;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Token inspector</h2>
      <div className="field">
        <label htmlFor={`${id}-token`}>Token to inspect</label>
        <textarea
          id={`${id}-token`}
          className="mono token-input"
          rows={4}
          spellCheck={false}
          placeholder="Paste a JWT (header.payload.signature), or sign in to inspect yours"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </div>
      <div className="button-row">
        {currentToken && token !== currentToken && (
          <button type="button" onClick={() => setToken(currentToken)}>
            Use my current token
          </button>
        )}
        {session?.delivery === 'cookie' && (
          <p className="hint">
            Signed in with a cookie: the token is HttpOnly, so this page cannot read it — which is
            the point.
          </p>
        )}
      </div>

      {decoded && !decoded.ok && (
        <p className="notice notice-error" role="alert">
          {decoded.problem}
        </p>
      )}
      {decoded?.ok && (
        <>
          <TokenSegments segments={decoded.segments} />
          <ExpiryStatus exp={payload?.exp} nbf={payload?.nbf} nowSeconds={nowSeconds} />
          <h3>Warnings</h3>
          <TokenWarnings warnings={tokenWarnings(header, payload, nowSeconds)} />
          <div className="decoded-grid">
            <section className="decoded decoded-header" aria-labelledby={`${id}-header`}>
              <h3 id={`${id}-header`}>Header</h3>
              {decoded.header.ok ? (
                <JsonBlock label="Decoded header" value={decoded.header.value} />
              ) : (
                <BrokenPart name="header" {...decoded.header} />
              )}
            </section>
            <section className="decoded decoded-payload" aria-labelledby={`${id}-payload`}>
              <h3 id={`${id}-payload`}>Payload</h3>
              {decoded.payload.ok ? (
                <JsonBlock label="Decoded payload" value={decoded.payload.value} />
              ) : (
                <BrokenPart name="payload" {...decoded.payload} />
              )}
            </section>
          </div>
          {header && (
            <ClaimsTable
              caption="Header fields"
              values={header}
              explanations={HEADER_FIELDS}
              nowSeconds={nowSeconds}
            />
          )}
          {payload && (
            <ClaimsTable
              caption="Payload claims"
              values={payload}
              explanations={PAYLOAD_FIELDS}
              timeFields={TIME_CLAIMS}
              nowSeconds={nowSeconds}
            />
          )}
          <p className="signature-note">
            <span className="legend-signature">Signature</span>:{' '}
            {decoded.signature.ok
              ? `${decoded.signature.value.byteLength} bytes.`
              : `the signature ${decoded.signature.problem}.`}{' '}
            Decoding is not verifying: only a check with the right key tells whether anyone changed
            the token.
          </p>
          <SignatureCheck token={token} kid={header?.kid} />
          {decoded.signature.ok && isCrackable(header?.alg) && (
            <SecretCracker token={token.trim()} alg={header.alg} />
          )}
        </>
      )}
    </section>
  );
}
