import { useState } from 'react';

interface CopyButtonProps {
  /** Exactly what lands on the clipboard: a PEM keeps its final newline, a token has none added. */
  text: string;
  /** What is copied, for the button's name: "Copy pem", "Copy edited token". */
  what: string;
}

type CopyOutcome = { text: string; ok: boolean } | null;

/**
 * Copies a token, key or PEM byte for byte. Selecting by hand loses a PEM's last newline, and an
 * algorithm-confusion forgery signed with those bytes then fails for a reason that is not the lesson.
 */
export function CopyButton({ text, what }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome>(null);
  // An outcome belongs to the text it copied: new text shows the plain button again.
  const shown = outcome?.text === text ? outcome : null;

  function copy() {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setOutcome({ text, ok: false });
      return;
    }
    clipboard.writeText(text).then(
      () => setOutcome({ text, ok: true }),
      () => setOutcome({ text, ok: false }),
    );
  }

  return (
    <span className="copy">
      <button type="button" className="copy-button" onClick={copy}>
        Copy {what}
      </button>
      <span aria-live="polite" className="hint copy-outcome">
        {shown?.ok && 'Copied.'}
        {shown && !shown.ok && 'The browser refused the clipboard: select the text instead.'}
      </span>
    </span>
  );
}
