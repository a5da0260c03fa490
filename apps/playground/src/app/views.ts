import { lazy } from 'react';
import type { ViewName } from '../lib/hash-route';

// Each view is its own chunk: the first page load carries the shell and the sign-in panel only.
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
  { view: 'inspector', label: 'Token inspector' },
  { view: 'editor', label: 'Token editor' },
  { view: 'request', label: 'Request builder' },
  { view: 'lifecycle', label: 'Lifecycle' },
  { view: 'cookies', label: 'Cookies' },
  { view: 'rbac', label: 'RBAC matrix' },
] as const satisfies ReadonlyArray<{ view: ViewName; label: string }>;

/** Every view of the playground, in navigation order. */
export const NAV_VIEWS: ReadonlyArray<{ view: ViewName; label: string }> = [
  ...TOOL_VIEWS,
  { view: 'lessons', label: 'Lessons' },
  { view: 'presenter', label: 'Presenter' },
];
