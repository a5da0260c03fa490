import type { SetCookieSummary } from '@authlab/shared';
import { explainCookie } from '../lib/set-cookie';

const TONE_WORDS = { good: 'protects', caution: 'weaker', info: 'note' } as const;

/** One cookie with every attribute it was set with, each explained. */
export function CookieFacts({ cookie, value }: { cookie: SetCookieSummary; value?: string }) {
  return (
    <article className="cookie-card" aria-label={`Cookie ${cookie.name}`}>
      <h4 className="mono">
        {cookie.name}
        {value !== undefined && (
          <span className="hint">={value.length > 24 ? `${value.slice(0, 24)}…` : value}</span>
        )}
      </h4>
      <dl className="cookie-facts">
        {explainCookie(cookie).map((fact) => (
          <div key={fact.label} className={`cookie-fact tone-${fact.tone}`}>
            <dt>
              <span className="mono">{fact.label}</span>{' '}
              <span className="tone-word">({TONE_WORDS[fact.tone]})</span>
            </dt>
            <dd>{fact.text}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
