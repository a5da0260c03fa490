import { useState } from 'react';

interface ConfirmActionProps {
  /** The button that asks, e.g. "Reset this lesson". */
  label: string;
  /** The question shown once it was pressed. */
  question: string;
  /** The button that does it, e.g. "Yes, reset this lesson". */
  confirmLabel: string;
  onConfirm: () => void;
}

/** A destructive action that asks once before it happens; "Keep it" backs out. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <>
      <span>{question}</span>
      <button
        type="button"
        onClick={() => {
          onConfirm();
          setConfirming(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </>
  );
}
