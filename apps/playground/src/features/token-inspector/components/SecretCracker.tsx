import { useId, useState } from 'react';
import { BUILTIN_WORDLIST, parseWordlist } from '../cracking/builtin-wordlist';
import type { CrackableAlgorithm } from '../cracking/crack-hmac-secret';
import { useSecretCracker } from '../hooks/use-secret-cracker';

const count = new Intl.NumberFormat('en');

function rate(tried: number, elapsedMs: number): string {
  return elapsedMs > 0 ? count.format(Math.round((tried * 1000) / elapsedMs)) : '—';
}

function seconds(elapsedMs: number): string {
  return `${(elapsedMs / 1000).toFixed(1)} s`;
}

/**
 * The offline attack on an HMAC-signed token: one captured token, a wordlist, one HMAC per guess
 * until a signature matches. Runs in this browser with Web Crypto, chunked so the page stays live.
 */
export function SecretCracker({ token, alg }: { token: string; alg: CrackableAlgorithm }) {
  const id = useId();
  const [source, setSource] = useState<'builtin' | 'own'>('builtin');
  const [ownList, setOwnList] = useState('');
  const { state, start, stop } = useSecretCracker(token, alg);
  const words = source === 'builtin' ? BUILTIN_WORDLIST : parseWordlist(ownList);
  const running = state.status === 'running';

  return (
    <section className="secret-cracker" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Crack the secret</h3>
      <p className="hint">
        An {alg} signature is an HMAC with a secret. Anyone holding one token can try words offline
        — no request, no rate limit — until one gives the same signature. Each guess here is one
        real HMAC in your browser; a GPU cracker tries many millions per second, so a secret must be
        random bytes, never a word.
      </p>
      <fieldset className="inline-options" disabled={running}>
        <legend>Wordlist</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-source`}
            checked={source === 'builtin'}
            onChange={() => setSource('builtin')}
          />
          <span>
            Built-in ({count.format(BUILTIN_WORDLIST.length)} common passwords and secrets)
          </span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-source`}
            checked={source === 'own'}
            onChange={() => setSource('own')}
          />
          <span>My own list</span>
        </label>
      </fieldset>
      {source === 'own' && (
        <div className="field">
          <label htmlFor={`${id}-own`}>Words to try, one a line</label>
          <textarea
            id={`${id}-own`}
            className="mono"
            rows={4}
            spellCheck={false}
            disabled={running}
            value={ownList}
            onChange={(event) => setOwnList(event.target.value)}
          />
        </div>
      )}
      <div className="button-row">
        {running ? (
          <button type="button" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" disabled={words.length === 0} onClick={() => start(words)}>
            Start cracking
          </button>
        )}
      </div>
      {state.status !== 'idle' && state.status !== 'failed' && (
        <div className="cracker-progress">
          <progress aria-label="Guesses tried" max={state.total} value={state.tried} />
          <p role="status" aria-live="polite" aria-label="Cracking progress">
            {state.status === 'running' && 'Cracking… '}
            Tried {count.format(state.tried)} of {count.format(state.total)} words in{' '}
            {seconds(state.elapsedMs)} · {rate(state.tried, state.elapsedMs)} guesses per second
          </p>
        </div>
      )}
      {state.status === 'found' && (
        <div className="notice notice-error">
          <p className="notice-title">
            Found the secret: <code className="cracked-secret">{state.secret}</code>
          </p>
          <p>
            HMAC-{alg.slice(2)} of this token with &quot;{state.secret}&quot; gives its signature.
            Whoever knows it can sign any token this issuer accepts — re-sign yours in the token
            editor.
          </p>
        </div>
      )}
      {state.status === 'not-found' && (
        <p className="notice notice-info">
          No word in this list gives this signature. A secret of random bytes is in no list.
        </p>
      )}
      {state.status === 'stopped' && <p className="hint">Stopped.</p>}
      {state.status === 'failed' && (
        <p className="notice notice-error" role="alert">
          The cracker stopped: {state.text}
        </p>
      )}
    </section>
  );
}
