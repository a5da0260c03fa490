import { useState, type ReactNode } from 'react';
import { useSession, type PlaygroundSession } from '../lib/session-store';
import { useNarrowScreen } from './use-narrow-screen';

interface SessionAreaProps {
  /** The sign-in panel. */
  children: ReactNode;
  /** Receives the element where the workspace puts the API's health and "Who am I?". */
  factsRef: (element: HTMLElement | null) => void;
}

/** One line for the folded session controls: the same state the sign-in panel reports. */
function summaryOf(session: PlaygroundSession | null): string {
  if (!session) return 'Session: not signed in';
  if (session.ended) return `Session: ${session.username}, ended; sign in again`;
  const delivery = session.delivery === 'cookie' ? 'HttpOnly cookie' : 'Bearer token';
  return `Session: ${session.username}, ${delivery}`;
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
        <span className="session-drawer-status">{summaryOf(session)}</span>{' '}
        <span className="hint">· sign-in, API health, who am I</span>
      </summary>
      <div className="session-area">
        {children}
        <div className="session-facts" ref={factsRef} />
      </div>
    </details>
  );
}
