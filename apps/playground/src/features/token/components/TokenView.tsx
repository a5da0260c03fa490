import { JsonBlock } from '../../../components/JsonBlock';
import { decodeJwt, type JsonObject, type PartResult } from '../../../lib/decode-jwt';
import { TokenSegments } from './TokenSegments';

interface TokenViewProps {
  token: string;
}

function DecodedPart({ name, result }: { name: 'header' | 'payload'; result: PartResult<JsonObject> }) {
  const title = name === 'header' ? 'Header' : 'Payload';
  return (
    <section className={`decoded decoded-${name}`} aria-labelledby={`decoded-${name}-heading`}>
      <h3 id={`decoded-${name}-heading`}>{title}</h3>
      {result.ok ? (
        <JsonBlock label={`Decoded ${name}`} value={result.value} />
      ) : (
        <p className="notice notice-error" role="alert">
          The {name} {result.problem}.
        </p>
      )}
    </section>
  );
}

/** An access token taken apart: its three encoded parts, and the decoded header and payload. */
export function TokenView({ token }: TokenViewProps) {
  const decoded = decodeJwt(token);

  return (
    <section className="panel" aria-labelledby="token-heading">
      <h2 id="token-heading">Access token</h2>
      {!decoded.ok ? (
        <p className="notice notice-error" role="alert">
          {decoded.problem}
        </p>
      ) : (
        <>
          <TokenSegments segments={decoded.segments} />
          <div className="decoded-grid">
            <DecodedPart name="header" result={decoded.header} />
            <DecodedPart name="payload" result={decoded.payload} />
          </div>
          <p className="signature-note">
            {decoded.signature.ok
              ? `Signature: ${decoded.signature.value.byteLength} bytes. Only the API, which holds the key, can tell whether it is genuine; decoding is not verifying.`
              : `The signature ${decoded.signature.problem}.`}
          </p>
        </>
      )}
    </section>
  );
}
