import { lazy } from 'react';
import type { ViewName } from '../lib/hash-route';

// Each view is its own chunk: the first page load carries the shell and the sign-in panel only.
export const HomeView = lazy(() =>
  import('../features/home/components/HomeView').then((module) => ({
    default: module.HomeView,
  })),
);
export const LessonPath = lazy(() =>
  import('../features/lessons/components/LessonPath').then((module) => ({
    default: module.LessonPath,
  })),
);
export const TokenInspector = lazy(() =>
  import('../features/token-inspector/components/TokenInspector').then((module) => ({
    default: module.TokenInspector,
  })),
);
export const TokenEditor = lazy(() =>
  import('../features/token-editor/components/TokenEditor').then((module) => ({
    default: module.TokenEditor,
  })),
);
export const RequestBuilder = lazy(() =>
  import('../features/request-builder/components/RequestBuilder').then((module) => ({
    default: module.RequestBuilder,
  })),
);
export const LifecycleView = lazy(() =>
  import('../features/lifecycle/components/LifecycleView').then((module) => ({
    default: module.LifecycleView,
  })),
);
export const CookieView = lazy(() =>
  import('../features/cookies/components/CookieView').then((module) => ({
    default: module.CookieView,
  })),
);
export const RbacMatrix = lazy(() =>
  import('../features/rbac-matrix/components/RbacMatrix').then((module) => ({
    default: module.RbacMatrix,
  })),
);
export const LessonsView = lazy(() =>
  import('../features/lessons/components/LessonsView').then((module) => ({
    default: module.LessonsView,
  })),
);
export const PresenterView = lazy(() =>
  import('../features/presenter/components/PresenterView').then((module) => ({
    default: module.PresenterView,
  })),
);

/** The tools: usable on their own and beside a lesson. */
export const TOOL_VIEWS = [
  {
    view: 'inspector',
    label: 'Token inspector',
    description: 'Decode a JWT, read what each claim means, check its signature.',
  },
  {
    view: 'editor',
    label: 'Token editor',
    description: 'Change a claim, re-sign or not, and see whether the API still accepts it.',
  },
  {
    view: 'request',
    label: 'Request builder',
    description: 'Send any request as any demo user: Bearer token, cookie, or nothing.',
  },
  {
    view: 'lifecycle',
    label: 'Lifecycle',
    description: 'Follow each request through middleware, guards, pipes and the handler.',
  },
  {
    view: 'cookies',
    label: 'Cookies',
    description: 'Every Set-Cookie attribute explained; what the browser keeps and sends.',
  },
  {
    view: 'rbac',
    label: 'RBAC matrix',
    description: 'Every route against every role: what the rules predict, what the API answers.',
  },
] as const satisfies ReadonlyArray<{ view: ViewName; label: string; description: string }>;

/** Every view of the playground, in navigation order. */
export const NAV_VIEWS: ReadonlyArray<{ view: ViewName; label: string }> = [
  { view: 'home', label: 'Start' },
  ...TOOL_VIEWS,
  { view: 'lessons', label: 'Lessons' },
  { view: 'presenter', label: 'Presenter' },
];
