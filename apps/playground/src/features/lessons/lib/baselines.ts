/**
 * The requests this browser had already made when a lesson was started: a step counts only what
 * the learner does after opening the lesson, so lesson 3's refused token cannot tick lesson 5.
 * Kept by trace id (no clock is compared: the API's may be fast-forwarded), and not exported with
 * the progress: the ids mean something only to this browser's playground session.
 */
const STORAGE_KEY = 'authlab.lesson-baselines';

type Baselines = Record<string, string[]>;

function load(): Baselines {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Baselines) : {};
  } catch {
    return {};
  }
}

function save(baselines: Baselines): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(baselines));
  } catch {
    // Storage off: the baseline lasts as long as the page.
  }
}

let cache: Baselines | undefined;

export function baselineOf(lessonId: string): ReadonlySet<string> | undefined {
  cache ??= load();
  const ids = cache[lessonId];
  return Array.isArray(ids) ? new Set(ids) : undefined;
}

export function setBaseline(lessonId: string, traceIds: readonly string[]): void {
  cache = { ...(cache ?? load()), [lessonId]: [...traceIds] };
  save(cache);
}

/** Forgets one lesson's baseline (the lesson was reset), or all of them. */
export function clearBaseline(lessonId?: string): void {
  if (lessonId === undefined) cache = {};
  else {
    const { [lessonId]: _removed, ...rest } = cache ?? load();
    cache = rest;
  }
  save(cache);
}
