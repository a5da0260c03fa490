import type { JwtPart } from '../lib/decode-jwt';
import { CopyButton } from './CopyButton';

const PARTS: readonly JwtPart[] = ['header', 'payload', 'signature'];

interface TokenSegmentsProps {
  segments: Record<JwtPart, string>;
  label?: string;
}

/** The token as sent on the wire, each part in its own colour, with a legend naming them. */
export function TokenSegments({ segments, label = 'Encoded access token' }: TokenSegmentsProps) {
  return (
    <figure className="token-figure">
      <p className="token mono" aria-label={label}>
        {PARTS.map((part, index) => (
          <span key={part}>
            {index > 0 && <span className="token-dot">.</span>}
            <span className={`segment segment-${part}`} data-part={part}>
              {segments[part]}
            </span>
          </span>
        ))}
      </p>
      <figcaption className="token-caption">
        <ul className="legend" aria-label="Token parts, in order">
          {PARTS.map((part) => (
            <li key={part} className={`legend-${part}`}>
              <span className="swatch" aria-hidden="true" />
              {part}
            </li>
          ))}
        </ul>
        <CopyButton
          text={PARTS.map((part) => segments[part]).join('.')}
          what={label.charAt(0).toLowerCase() + label.slice(1)}
        />
      </figcaption>
    </figure>
  );
}
