interface JsonBlockProps {
  value: unknown;
  /** Names the block for assistive technology, e.g. "Decoded payload". */
  label: string;
}

/** A JSON value, pretty-printed and wrapped so it never needs horizontal scrolling. */
export function JsonBlock({ value, label }: JsonBlockProps) {
  return (
    <pre className="json-block" role="region" aria-label={label}>
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}
