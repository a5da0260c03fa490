// Every module the playground loads lazily (the workspace and each view), found by folder so a
// new view is included without a list to keep up to date.
const modules = import.meta.glob([
  '../app/*.tsx',
  '../features/*/components/*.tsx',
  '!**/*.test.tsx',
]);

/**
 * Imports the lazily loaded views before a test renders them. Under Vitest a view's first import
 * compiles its whole module graph (the lessons view with every lesson took 1.1 s here), which
 * raced findBy*'s one-second wait and left "Loading the view…" on screen; loaded beforehand,
 * React.lazy resolves at once and the wait covers only what the test is about.
 */
export async function loadLazyViews(): Promise<void> {
  await Promise.all(Object.values(modules).map((load) => load()));
}
