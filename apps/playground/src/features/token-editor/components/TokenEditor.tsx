import { useId, useState } from 'react';
import { ROLES } from '@authlab/shared';
import { ResponseView } from '../../../components/ResponseView';
import { TokenSegments } from '../../../components/TokenSegments';
import { TraceById } from '../../../components/TraceById';
import { errorMessageOf } from '../../../lib/api-client';
import { chosenTokenStore } from '../../../lib/current-token';
import { decodeJwt } from '../../../lib/decode-jwt';
import type { SecretEncoding } from '../../../lib/jws';
import type { PlaygroundSession } from '../../../lib/session-store';
import { labProbes, useLabExercises } from '../api/get-lab-exercises';
import { TOKEN_PROBES, useSendWithToken } from '../api/send-with-token';
import { useEditedToken, type SigningChoice } from '../hooks/use-edited-token';

interface TokenEditorProps {
  session: PlaygroundSession | null;
  /** The playground's current token, when it is not the session's (one the learner chose). */
  currentToken?: string | undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function partsOf(token: string) {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return { header: '', payload: '', signature: '' };
  return {
    header: decoded.header.ok ? pretty(decoded.header.value) : '',
    payload: decoded.payload.ok ? pretty(decoded.payload.value) : '',
    signature: decoded.segments.signature,
  };
}

type SigningKind = SigningChoice['kind'];

/** Change a token's claims, sign it again (or not) and see whether the API believes it. */
export function TokenEditor({
  session,
  currentToken: givenToken = session?.accessToken,
}: TokenEditorProps) {
  const id = useId();
  const currentToken = givenToken ?? '';
  const [source, setSource] = useState(currentToken);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [headerText, setHeaderText] = useState('');
  const [payloadText, setPayloadText] = useState('');
  const [signature, setSignature] = useState('');
  const [signingKind, setSigningKind] = useState<SigningKind>('keep');
  const [secret, setSecret] = useState('');
  const [encoding, setEncoding] = useState<SecretEncoding>('base64');
  const [emptyKey, setEmptyKey] = useState(false);
  const [minutes, setMinutes] = useState('60');
  const [probeIndex, setProbeIndex] = useState(0);
  const send = useSendWithToken();
  const lab = useLabExercises();
  const probes = [...TOKEN_PROBES, ...labProbes(lab.data)];

  const [sessionToken, setSessionToken] = useState(currentToken);
  if (currentToken !== sessionToken) {
    setSessionToken(currentToken);
    if (currentToken) setSource(currentToken);
    else if (source === sessionToken) setSource('');
  }
  // Load the parts of a new source token into the editor fields.
  if (source !== loadedFrom) {
    const parts = partsOf(source);
    setLoadedFrom(source);
    setHeaderText(parts.header);
    setPayloadText(parts.payload);
    setSignature(parts.signature);
    send.reset();
  }

  const header = parseObject(headerText);
  const payload = parseObject(payloadText);
  const signing: SigningChoice =
    signingKind === 'resign'
      ? { kind: 'resign', secret, encoding, emptyKey }
      : { kind: signingKind };
  const edited = useEditedToken(header, payload, signature, signing);
  const decodedEdited = edited.status === 'ready' ? decodeJwt(edited.token) : null;

  function setClaim(name: string, value: unknown) {
    if (!payload) return;
    const next = { ...payload };
    if (value === undefined) delete next[name];
    else next[name] = value;
    setPayloadText(pretty(next));
  }

  const probe = probes[probeIndex] ?? TOKEN_PROBES[0]!;
  const verdict = send.data;
  const verdictMessage = verdict ? errorMessageOf(verdict.body) : undefined;
  const challenge = verdict?.headers.find(
    ([name]) => name.toLowerCase() === 'www-authenticate',
  )?.[1];
  const role = typeof payload?.role === 'string' ? payload.role : '';

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Token editor</h2>
      <p className="hint">
        Change what the token claims, then sign it again with a secret you type — or keep the old
        signature and watch the API notice.
      </p>
      <div className="field">
        <label htmlFor={`${id}-source`}>Token to start from</label>
        <textarea
          id={`${id}-source`}
          className="mono token-input"
          rows={3}
          spellCheck={false}
          placeholder="Sign in, or paste a JWT"
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
      </div>
      {currentToken && source !== currentToken && (
        <button type="button" onClick={() => setSource(currentToken)}>
          Use my current token
        </button>
      )}

      {source.trim() !== '' && (
        <>
          <h3>Claims</h3>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-role`}>role</label>
              <select
                id={`${id}-role`}
                value={role}
                disabled={!payload}
                onChange={(event) => setClaim('role', event.target.value)}
              >
                {!(ROLES as readonly string[]).includes(role) && (
                  <option value={role}>{role || '(none)'}</option>
                )}
                {ROLES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
                <option value="Admin">Admin (wrong case)</option>
                <option value="constructor">constructor (prototype trick)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-aud`}>aud</label>
              <input
                id={`${id}-aud`}
                className="mono"
                value={typeof payload?.aud === 'string' ? payload.aud : ''}
                disabled={!payload}
                onChange={(event) => setClaim('aud', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-minutes`}>exp: minutes from now</label>
              <div className="input-with-button">
                <input
                  id={`${id}-minutes`}
                  type="number"
                  value={minutes}
                  onChange={(event) => setMinutes(event.target.value)}
                />
                <button
                  type="button"
                  disabled={!payload || !Number.isFinite(Number(minutes))}
                  onClick={() =>
                    setClaim('exp', Math.floor(Date.now() / 1000 + Number(minutes) * 60))
                  }
                >
                  Set exp
                </button>
              </div>
            </div>
          </div>
          <div className="decoded-grid">
            <div className="field decoded-header">
              <label htmlFor={`${id}-header`}>Header (JSON)</label>
              <textarea
                id={`${id}-header`}
                className="mono"
                rows={6}
                spellCheck={false}
                aria-invalid={!header}
                value={headerText}
                onChange={(event) => setHeaderText(event.target.value)}
              />
              {!header && <p className="field-error">Not a JSON object.</p>}
            </div>
            <div className="field decoded-payload">
              <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
              <textarea
                id={`${id}-payload`}
                className="mono"
                rows={10}
                spellCheck={false}
                aria-invalid={!payload}
                value={payloadText}
                onChange={(event) => setPayloadText(event.target.value)}
              />
              {!payload && <p className="field-error">Not a JSON object.</p>}
            </div>
          </div>

          <fieldset className="signing">
            <legend>Signature</legend>
            {(
              [
                ['keep', 'Keep the old signature', 'it no longer matches once anything changed'],
                ['resign', 'Re-sign with a secret', 'HMAC, as the API does with HS256'],
                ['none', 'No signature (alg "none")', 'the oldest JWT attack'],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name={`${id}-signing`}
                  value={value}
                  checked={signingKind === value}
                  onChange={() => setSigningKind(value)}
                />
                <span>
                  {label} <span className="hint">— {hint}</span>
                </span>
              </label>
            ))}
            {signingKind === 'resign' && (
              <div className="field-row">
                <div className="field grow">
                  <label htmlFor={`${id}-secret`}>Secret to sign with</label>
                  {/* A textarea: a PEM pasted as the secret (algorithm confusion) spans several lines. */}
                  <textarea
                    id={`${id}-secret`}
                    className="mono"
                    rows={2}
                    autoComplete="off"
                    spellCheck={false}
                    disabled={emptyKey}
                    value={secret}
                    onChange={(event) => setSecret(event.target.value)}
                  />
                  <label className="radio">
                    <input
                      type="checkbox"
                      checked={emptyKey}
                      onChange={(event) => setEmptyKey(event.target.checked)}
                    />
                    <span>
                      Sign with an empty key{' '}
                      <span className="hint">
                        — zero bytes, what a verifier gets from an empty file
                      </span>
                    </span>
                  </label>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-encoding`}>Secret is</label>
                  <select
                    id={`${id}-encoding`}
                    value={encoding}
                    onChange={(event) => setEncoding(event.target.value as SecretEncoding)}
                  >
                    <option value="base64">base64 bytes (like JWT_SECRET)</option>
                    <option value="utf8">plain text</option>
                  </select>
                </div>
              </div>
            )}
          </fieldset>

          <h3>Edited token</h3>
          {edited.status === 'working' && <p role="status">Signing…</p>}
          {edited.status === 'problem' && <p className="notice notice-error">{edited.text}</p>}
          {decodedEdited?.ok && (
            <TokenSegments segments={decodedEdited.segments} label="Edited token" />
          )}
          {edited.status === 'ready' &&
            (edited.token === currentToken ? (
              <p className="hint" role="status">
                This is the playground’s current token: the inspector shows it and the request
                builder can send it.
              </p>
            ) : (
              <div className="button-row">
                <button
                  type="button"
                  onClick={() =>
                    chosenTokenStore.set({ token: edited.token, from: 'the token editor' })
                  }
                >
                  Use this token
                </button>
                <span className="hint">
                  Make it the playground’s current token, to inspect it or send it from the request
                  builder.
                </span>
              </div>
            ))}

          <div className="field-row send-row">
            <div className="field">
              <label htmlFor={`${id}-probe`}>Send it to</label>
              <select
                id={`${id}-probe`}
                value={probeIndex}
                onChange={(event) => setProbeIndex(Number(event.target.value))}
              >
                {probes.map((candidate, index) => (
                  <option key={`${candidate.method} ${candidate.path}`} value={index}>
                    {candidate.method} {candidate.path}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="primary"
              disabled={edited.status !== 'ready'}
              onClick={() =>
                edited.status === 'ready' && send.mutate({ token: edited.token, probe })
              }
            >
              Send with the edited token
            </button>
          </div>
          {send.isPending && <p role="status">Sending…</p>}
          {send.isError && <p className="notice notice-error">{send.error.message}</p>}
          {verdict && (
            <div className="verdict">
              <p
                className={`verdict-line ${verdict.status < 400 ? 'verdict-accepted' : 'verdict-refused'}`}
                role="status"
              >
                {verdict.status < 400 ? (
                  <>
                    <strong>The API accepted the token</strong> ({verdict.status}).
                  </>
                ) : (
                  <>
                    <strong>The API refused it</strong> ({verdict.status})
                    {verdictMessage ? `: ${verdictMessage}` : '.'}
                  </>
                )}
              </p>
              {verdict.status < 400 &&
                send.variables &&
                decodeJwt(send.variables.token).ok &&
                send.variables.token !== currentToken && (
                  <p className="takeaway">
                    The API cannot tell this token from one it issued: whoever holds the signing
                    secret can mint any role. That is why the secret never leaves the server.
                  </p>
                )}
              {challenge && (
                <p className="hint">
                  WWW-Authenticate: <span className="mono">{challenge}</span>
                </p>
              )}
              <ResponseView
                response={verdict}
                label={`Response of ${probe.method} ${probe.path}`}
              />
              {/* Read with the edited token: the API shows a signed-in request's trace only to its
                  token's holder. A token it refused made an anonymous request, which getTrace then
                  reads with the playground session alone. */}
              {verdict.traceId && (
                <TraceById traceId={verdict.traceId} token={send.variables?.token} />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
