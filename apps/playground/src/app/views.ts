import { lazy } from 'react';

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
