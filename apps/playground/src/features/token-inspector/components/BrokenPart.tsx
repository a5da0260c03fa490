interface BrokenPartProps {
  name: 'header' | 'payload';
  problem: string;
  text?: string;
  position?: number;
}

/** A part that would not decode: the problem, and where the decoded text stops being JSON. */
export function BrokenPart({ name, problem, text, position }: BrokenPartProps) {
  return (
    <div className="notice notice-error broken-part" role="alert">
      <p>
        The {name} {problem}
        {position !== undefined ? `, at character ${position + 1}` : ''}.
      </p>
      {text !== undefined && (
        <pre className="json-block broken-text" aria-label={`Decoded ${name} text`}>
          <code>
            {position === undefined ? (
              text
            ) : (
              <>
                {text.slice(0, position)}
                <mark className="broken-at">
                  {text.slice(position, position + 1) || '⏎ (text ends here)'}
                </mark>
                {text.slice(position + 1)}
              </>
            )}
          </code>
        </pre>
      )}
    </div>
  );
}
