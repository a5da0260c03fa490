import { useState, type ReactNode } from 'react';
import { useSession } from '../lib/session-store';
import { useNarrowScreen } from './use-narrow-screen';

interface SessionAreaProps {
  /** The sign-in panel. */
  children: ReactNode;
  /** Receives the element where the workspace puts the API's health and "Who am I?". */
  factsRef: (element: HTMLElement | null) => void;
}

/**
 * Sign-in, API health and "Who am I?" together: side by side on a wide screen, folded into one
 * line on a phone so the views come first. The same elements either way, so nothing remounts.
 */
export function SessionArea({ children, factsRef }: SessionAreaProps) {
  const session = useSession();
  const narrow = useNarrowScreen();
  const [openOnNarrow, setOpenOnNarrow] = useState(false);

  return (
    <details
      className="session-drawer"
      open={!narrow || openOnNarrow}
      onToggle={(event) => {
        if (narrow) setOpenOnNarrow(event.currentTarget.open);
      }}
    >
      <summary>
        <span className="session-drawer-status">
          {session
            ? `Signed in as ${session.username} (${session.delivery === 'cookie' ? 'HttpOnly cookie' : 'Bearer token'})`
            : 'Not signed in'}
        </span>{' '}
        <span className="hint">· sign-in, API health, who am I</span>
      </summary>
      <div className="session-area">
        {children}
        <div className="session-facts" ref={factsRef} />
      </div>
    </details>
  );
}
