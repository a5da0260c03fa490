import { lazy, Suspense, useState } from 'react';
import { SignInAs } from '../features/sign-in/components/SignInAs';
import { useHashRoute } from '../lib/hash-route';
import { sessionStore, useSession } from '../lib/session-store';
import { PreferencesControls } from './Preferences';
import { SessionArea } from './SessionArea';

const Workspace = lazy(() =>
  import('./Workspace').then((module) => ({ default: module.Workspace })),
);

/** The page shell: features stay independent; the session they share lives in a small store. */
export function App() {
  const session = useSession();
  const route = useHashRoute();
  const [sessionFacts, setSessionFacts] = useState<HTMLElement | null>(null);

  return (
    <>
      <a
        className="skip-link"
        href="#view"
        // The hash names the current view, so the skip link moves focus instead of changing it.
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('view')?.focus();
        }}
      >
        Skip to the view
      </a>
      <header className="site-header">
        <div className="container site-header-inner">
          <h1>authlab playground</h1>
          <nav aria-label="Resources">
            {/* A new tab: this one keeps its session and the view the learner is on. */}
            <a href="/api/docs" target="_blank" rel="noopener">
              API docs
            </a>
          </nav>
          <PreferencesControls />
        </div>
      </header>
      <main className="container">
        <SessionArea factsRef={setSessionFacts}>
          <SignInAs onSessionChange={sessionStore.set} />
        </SessionArea>
        <Suspense fallback={<p role="status">Loading the playground…</p>}>
          <Workspace session={session} route={route} sessionFacts={sessionFacts} />
        </Suspense>
      </main>
    </>
  );
}
