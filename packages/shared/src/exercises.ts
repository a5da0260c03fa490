/**
 * The coding exercises (exercises/ in the repository), each with the lesson it belongs to, and
 * the one-line result code their grader prints for the playground.
 */
export const EXERCISES = [
  {
    number: 1,
    title: 'Express middleware: a request id and requireJson',
    lessonId: 'middleware-and-lifecycle',
  },
  { number: 2, title: 'A bearer-token extractor (RFC 6750 §2.1)', lessonId: 'bearer-tokens' },
  {
    number: 3,
    title: 'An error handler that answers like RFC 6750 §3',
    lessonId: 'rbac-401-versus-403',
  },
  { number: 4, title: 'A strict JWT verification policy', lessonId: 'attacking-jwts' },
  { number: 5, title: 'A passport-jwt strategy for NestJS', lessonId: 'guards-and-passport-jwt' },
  { number: 6, title: 'A roles guard with @Roles and @Public', lessonId: 'rbac-401-versus-403' },
  {
    number: 7,
    title: 'A CSRF check for cookie-authenticated requests',
    lessonId: 'cookies-and-csrf',
  },
  {
    number: 8,
    title: 'Refresh-token rotation with reuse detection',
    lessonId: 'refresh-tokens-and-sign-out',
  },
] as const;

export interface ExerciseResult {
  exercise: number;
  passed: number;
  total: number;
  /** When the grader ran, to the minute: "2026-11-29T17:40Z". */
  gradedAt: string;
}

// The check only catches a mistyped or hand-edited code; it proves nothing more, and the
// playground says so ("as your grader reported").
function checksum(text: string): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const RESULT_CODE =
  /^authlab-exercise-(\d+)-(\d+)of(\d+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z-([0-9a-f]{8})$/;

/** "authlab-exercise-6-19of19-20261129T1740Z-1a2b3c4d" */
export function formatResultCode({ exercise, passed, total, gradedAt }: ExerciseResult): string {
  const stamp = gradedAt.replace(/[-:]/g, '');
  const body = `authlab-exercise-${exercise}-${passed}of${total}-${stamp}`;
  return `${body}-${checksum(body)}`;
}

/** The result a pasted code states, or undefined if it is not a well-formed, unaltered code. */
export function parseResultCode(code: string): ExerciseResult | undefined {
  const match = RESULT_CODE.exec(code.trim());
  if (!match) return undefined;
  const [, exercise, passed, total, year, month, day, hour, minute, check] = match;
  const body = code.trim().replace(/-[0-9a-f]{8}$/, '');
  const result = {
    exercise: Number(exercise),
    passed: Number(passed),
    total: Number(total),
    gradedAt: `${year}-${month}-${day}T${hour}:${minute}Z`,
  };
  const known = EXERCISES.some((entry) => entry.number === result.exercise);
  if (!known || result.passed > result.total || checksum(body) !== check) return undefined;
  return result;
}
