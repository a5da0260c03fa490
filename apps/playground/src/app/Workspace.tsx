import { Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { ClockOffsetNotice } from '../components/ClockOffsetNotice';
import { HealthStatus } from '../features/health/components/HealthStatus';
import { MeView } from '../features/me/components/MeView';
import { ConnectedApps } from '../features/connected-apps/components/ConnectedApps';
import { useCurrentToken } from '../lib/current-token';
import { hrefFor, NAV_VIEWS, TOOL_VIEWS, type HashRoute } from '../lib/hash-route';
import type { PlaygroundSession } from '../lib/session-store';
import { LessonTools } from './LessonTools';
import { createQueryClient } from './query-client';
import {
  CookieView,
  HomeView,
  LessonPath,
  LessonsView,
  LifecycleView,
  PresenterView,
  RbacMatrix,
  RequestBuilder,
  TokenEditor,
  TokenInspector,
} from './views';

interface WorkspaceProps {
  session: PlaygroundSession | null;
  route: HashRoute;
}

interface WorkspaceShellProps extends WorkspaceProps {
  /** Where the API's health and "Who am I?" go: beside the sign-in panel (see SessionArea). */
  sessionFacts: HTMLElement | null;
}

function CurrentView({ session, route }: WorkspaceProps) {
  const currentToken = useCurrentToken();
  switch (route.view) {
    case 'home':
      return (
        <HomeView
          lessons={<LessonPath />}
          tools={TOOL_VIEWS.map(({ view, label, description }) => ({
            href: hrefFor(view),
            label,
            description,
          }))}
        />
      );
    case 'inspector':
      return <TokenInspector session={session} currentToken={currentToken} />;
    case 'editor':
      return <TokenEditor session={session} currentToken={currentToken} />;
    case 'request':
      return <RequestBuilder session={session} currentToken={currentToken} />;
    case 'lifecycle':
      return (
        <LifecycleView session={session} {...(route.param ? { selectedId: route.param } : {})} />
      );
    case 'cookies':
      return <CookieView session={session} />;
    case 'rbac':
      return <RbacMatrix />;
    case 'lessons':
      return (
        <LessonsView
          lessonId={route.param}
          currentToken={currentToken}
          cookieMode={session?.delivery === 'cookie'}
          cookieSession={
            session?.delivery === 'cookie' ? (session.signInTraceId ?? session.username) : undefined
          }
          tools={<LessonTools session={session} currentToken={currentToken} />}
        />
      );
    case 'presenter':
      return <PresenterView session={session} />;
  }
}

/**
 * Everything that reads server state, with its query client. Its own chunk: the first paint
 * (header and sign-in) needs neither TanStack Query nor any view.
 */
export function Workspace({ session, route, sessionFacts }: WorkspaceShellProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {sessionFacts &&
        createPortal(
          <>
            <HealthStatus />
            {session && <MeView session={session} />}
            {session && !session.ended && <ConnectedApps session={session} />}
          </>,
          sessionFacts,
        )}
      <ClockOffsetNotice />
      <nav aria-label="Views" className="view-nav">
        <ul>
          {NAV_VIEWS.map((item) => (
            <li key={item.view}>
              <a
                href={hrefFor(item.view)}
                aria-current={route.view === item.view ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="view" className="view" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading the view…</p>}>
          <CurrentView session={session} route={route} />
        </Suspense>
      </div>
    </QueryClientProvider>
  );
}
