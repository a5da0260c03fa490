import type { TokenWarning } from '../lib/token-warnings';

/** What to worry about in this token, the dangerous first. */
export function TokenWarnings({ warnings }: { warnings: readonly TokenWarning[] }) {
  if (warnings.length === 0) {
    return (
      <p className="notice notice-ok">
        No warnings: signed, expiring, short-lived, no key-choosing header fields, no obvious
        personal data.
      </p>
    );
  }
  return (
    <ul className="warnings" aria-label="Warnings">
      {warnings.map((warning) => (
        <li key={warning.id} className={`warning warning-${warning.level}`}>
          <strong>{warning.level === 'danger' ? 'Danger' : 'Caution'}:</strong> {warning.text}
        </li>
      ))}
    </ul>
  );
}
