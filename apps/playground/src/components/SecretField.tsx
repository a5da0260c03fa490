import { useId } from 'react';
import type { SecretEncoding } from '../lib/jws';
import { secretWarning } from './secret-warning';

interface SecretFieldProps {
  label: string;
  secret: string;
  encoding: SecretEncoding;
  onSecretChange: (secret: string) => void;
  onEncodingChange: (encoding: SecretEncoding) => void;
  /** A PEM pasted as an HMAC secret (algorithm confusion) spans several lines. */
  multiline?: boolean;
  disabled?: boolean;
}

/** An HMAC secret and how its text becomes key bytes, warning when "base64" is probably a mistake. */
export function SecretField({
  label,
  secret,
  encoding,
  onSecretChange,
  onEncodingChange,
  multiline = false,
  disabled = false,
}: SecretFieldProps) {
  const id = useId();
  const warning = disabled ? null : secretWarning(secret, encoding);
  const inputProps = {
    id: `${id}-secret`,
    className: 'mono',
    autoComplete: 'off',
    spellCheck: false,
    disabled,
    value: secret,
    'aria-describedby': warning ? `${id}-warning` : undefined,
  };
  return (
    <div className="field-row">
      <div className="field grow">
        <label htmlFor={`${id}-secret`}>{label}</label>
        {multiline ? (
          <textarea
            {...inputProps}
            rows={2}
            onChange={(event) => onSecretChange(event.target.value)}
          />
        ) : (
          <input
            {...inputProps}
            type="text"
            onChange={(event) => onSecretChange(event.target.value)}
          />
        )}
        {warning && (
          <p id={`${id}-warning`} className="field-warning" role="note">
            {warning}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-encoding`}>Secret is</label>
        <select
          id={`${id}-encoding`}
          value={encoding}
          onChange={(event) => onEncodingChange(event.target.value as SecretEncoding)}
        >
          <option value="utf8">plain text</option>
          <option value="base64">base64 bytes (like JWT_SECRET)</option>
        </select>
      </div>
    </div>
  );
}
