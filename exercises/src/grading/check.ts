/** One behaviour a grader judged: what it expects, and why it failed when it did. */
export interface Check {
  behaviour: string;
  passed: boolean;
  /** What actually happened, and the rule it breaks; only for a failed check. */
  reason?: string;
  /** The lesson (docs/lessons/…, optionally with #anchor) that teaches this behaviour. */
  lesson?: string;
}

export interface Grade {
  checks: Check[];
  /** One extra line a grader may add, e.g. "Refuses 17 of 24 forged tokens." */
  summary?: string;
}

export const pass = (behaviour: string, lesson?: string): Check => ({
  behaviour,
  passed: true,
  lesson,
});

export const fail = (behaviour: string, reason: string, lesson?: string): Check => ({
  behaviour,
  passed: false,
  reason,
  lesson,
});

/** A check from a condition: the reason is only computed (and shown) when it fails. */
export const expectThat = (
  behaviour: string,
  passed: boolean,
  reason: () => string,
  lesson?: string,
): Check => (passed ? pass(behaviour, lesson) : fail(behaviour, reason(), lesson));

/** Runs one probe; a probe that throws fails its check with the error, instead of ending the grade. */
export async function probe(behaviour: string, run: () => Promise<Check>): Promise<Check> {
  try {
    return await run();
  } catch (error) {
    return fail(behaviour, `the grader's probe crashed: ${describeError(error)}`);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The learner's module must export these names; missing ones fail the whole grade early. */
export function missingExports(
  mod: Record<string, unknown>,
  names: Record<string, 'function' | 'object' | 'string'>,
): Check[] {
  return Object.entries(names)
    .filter(([name, kind]) => typeof mod[name] !== kind)
    .map(([name, kind]) =>
      fail(
        `exports ${name}`,
        `the file must export a ${kind} named ${name}; it exports ${
          Object.keys(mod).join(', ') || 'nothing'
        }`,
      ),
    );
}
