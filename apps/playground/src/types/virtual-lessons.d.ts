/** Every lesson in docs/lessons, read and validated at build time by plugins/lessons/vite-plugin-lessons.ts. */
declare module 'virtual:lessons' {
  // An ambient module may not import a relative path; an import type is the one way to name the type.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const lessons: readonly import('../features/lessons/lib/lesson-document').LessonDocument[];
}
