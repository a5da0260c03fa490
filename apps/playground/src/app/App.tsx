import { useState } from 'react';
import type { TokenResponse } from '@authlab/shared';
import { HealthStatus } from '../features/health/components/HealthStatus';
import { MeView } from '../features/me/components/MeView';
import { SignInAs } from '../features/sign-in/components/SignInAs';
import { TokenView } from '../features/token/components/TokenView';

/** The page shell: features stay independent, and the session they share lives here. */
export function App() {
  const [session, setSession] = useState<TokenResponse | null>(null);

  return (
    <>
      <header className="site-header">
        <div className="container site-header-inner">
          <h1>authlab playground</h1>
          <nav aria-label="Resources">
            <a href="/api/docs">API docs</a>
          </nav>
        </div>
      </header>
      <main className="container">
        <HealthStatus />
        <SignInAs onSessionChange={setSession} />
        {session && (
          <>
            <TokenView token={session.accessToken} />
            <MeView token={session.accessToken} />
          </>
        )}
      </main>
    </>
  );
}
