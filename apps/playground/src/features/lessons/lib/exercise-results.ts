import { formatResultCode, parseResultCode, type ExerciseResult } from '@authlab/shared';
import { createStore, useStore } from '../../../lib/create-store';

const STORAGE_KEY = 'authlab.exercise-results';

type Results = Partial<Record<number, ExerciseResult>>;

// Only codes that still parse are kept, so a stored value can never show more than a grader printed.
function load(): Results {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const results: Results = {};
    for (const value of Object.values(stored)) {
      const result = typeof value === 'string' ? parseResultCode(value) : undefined;
      if (result) results[result.exercise] = result;
    }
    return results;
  } catch {
    return {};
  }
}

/** The result codes pasted in this browser, by exercise, kept in localStorage across reloads. */
export const exerciseResultsStore = createStore<Results>(load());

exerciseResultsStore.subscribe(() => {
  const codes = Object.fromEntries(
    Object.values(exerciseResultsStore.get())
      .filter((result) => result !== undefined)
      .map((result) => [result.exercise, formatResultCode(result)]),
  );
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(codes));
  } catch {
    // Storage off (private mode): results last as long as the page.
  }
});

export function useExerciseResults(): Results {
  return useStore(exerciseResultsStore);
}

/** Records a pasted code for this exercise; false when it is not a whole, unaltered code for it. */
export function recordResultCode(exercise: number, code: string): boolean {
  const result = parseResultCode(code);
  if (!result || result.exercise !== exercise) return false;
  exerciseResultsStore.set((results) => ({ ...results, [exercise]: result }));
  return true;
}
