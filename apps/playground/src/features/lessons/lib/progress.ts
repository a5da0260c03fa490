import type { KnowledgeAnswer } from '@authlab/shared';
import { createStore, useStore } from '../../../lib/create-store';

export interface StepProgress {
  /** When the step's check was first met (ISO 8601). */
  doneAt?: string;
  /** How many of its hints the learner has revealed. */
  hintsShown?: number;
  /** Whether the learner looked at the solution (it does not complete the step). */
  solutionShown?: boolean;
  /** A knowledge check's latest answer (a wrong one stays until the learner answers again). */
  answer?: KnowledgeAnswer;
}

export interface LessonProgress {
  steps: Record<string, StepProgress>;
}

/** Progress by lesson id. */
export type Progress = Record<string, LessonProgress>;

export const PROGRESS_FILE_FORMAT = 'authlab-lesson-progress';

/** What "Export progress" writes and "Import progress" reads. */
export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  lessons: Progress;
}

const STORAGE_KEY = 'authlab.lesson-progress';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanAnswer(value: unknown): KnowledgeAnswer | undefined {
  if (!isRecord(value) || !Number.isInteger(value.option) || (value.option as number) < 0)
    return undefined;
  const answer: KnowledgeAnswer = { option: value.option as number };
  if (Array.isArray(value.seenTraceIds))
    answer.seenTraceIds = value.seenTraceIds
      .filter((id): id is string => typeof id === 'string')
      .slice(0, 500);
  return answer;
}

/** Keeps the fields of a step's progress that have the right type; drops anything else. */
function cleanStep(value: unknown): StepProgress | undefined {
  if (!isRecord(value)) return undefined;
  const step: StepProgress = {};
  if (typeof value.doneAt === 'string' && !Number.isNaN(Date.parse(value.doneAt)))
    step.doneAt = value.doneAt;
  if (
    typeof value.hintsShown === 'number' &&
    Number.isInteger(value.hintsShown) &&
    value.hintsShown > 0
  )
    step.hintsShown = Math.min(value.hintsShown, 5);
  if (value.solutionShown === true) step.solutionShown = true;
  const answer = cleanAnswer(value.answer);
  if (answer) step.answer = answer;
  return Object.keys(step).length > 0 ? step : undefined;
}

/** Progress read from storage or a file: only known lessons and steps, only well-typed fields. */
export function cleanProgress(
  value: unknown,
  known?: ReadonlyMap<string, ReadonlySet<string>>,
): Progress {
  const progress: Progress = {};
  if (!isRecord(value)) return progress;
  for (const [lessonId, lesson] of Object.entries(value)) {
    const stepIds = known?.get(lessonId);
    if ((known && !stepIds) || !isRecord(lesson) || !isRecord(lesson.steps)) continue;
    const steps: Record<string, StepProgress> = {};
    for (const [stepId, step] of Object.entries(lesson.steps)) {
      if (stepIds && !stepIds.has(stepId)) continue;
      const cleaned = cleanStep(step);
      if (cleaned) steps[stepId] = cleaned;
    }
    progress[lessonId] = { steps };
  }
  return progress;
}

function load(): Progress {
  try {
    return cleanProgress(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

/** The learner's progress in every lesson, kept in localStorage across reloads. */
export const progressStore = createStore<Progress>(load());

progressStore.subscribe(() => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(progressStore.get()));
  } catch {
    // Storage off (private mode): progress lasts as long as the page.
  }
});

export function useProgress(): Progress {
  return useStore(progressStore);
}

function updateStep(
  lessonId: string,
  stepId: string,
  change: (step: StepProgress) => StepProgress,
): void {
  progressStore.set((progress) => {
    const lesson = progress[lessonId] ?? { steps: {} };
    return {
      ...progress,
      [lessonId]: { steps: { ...lesson.steps, [stepId]: change(lesson.steps[stepId] ?? {}) } },
    };
  });
}

export function markStepDone(lessonId: string, stepId: string, at = new Date()): void {
  if (progressStore.get()[lessonId]?.steps[stepId]?.doneAt) return;
  updateStep(lessonId, stepId, (step) => ({ ...step, doneAt: at.toISOString() }));
}

export function showNextHint(lessonId: string, stepId: string, hintCount: number): void {
  updateStep(lessonId, stepId, (step) => ({
    ...step,
    hintsShown: Math.min((step.hintsShown ?? 0) + 1, hintCount),
  }));
}

export function showSolution(lessonId: string, stepId: string): void {
  updateStep(lessonId, stepId, (step) => ({ ...step, solutionShown: true }));
}

/** Records a knowledge check's answer (replacing an earlier one); it ticks only if right. */
export function answerKnowledge(lessonId: string, stepId: string, answer: KnowledgeAnswer): void {
  updateStep(lessonId, stepId, (step) => ({ ...step, answer }));
}

export function resetLesson(lessonId: string): void {
  progressStore.set((progress) => {
    const { [lessonId]: _removed, ...rest } = progress;
    return rest;
  });
}

export function resetAllProgress(): void {
  progressStore.set({});
}

export function doneCount(
  progress: Progress,
  lessonId: string,
  stepIds: readonly string[],
): number {
  const steps = progress[lessonId]?.steps ?? {};
  return stepIds.filter((id) => steps[id]?.doneAt !== undefined).length;
}

export function progressFileOf(progress: Progress, now = new Date()): ProgressFile {
  return {
    format: PROGRESS_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    lessons: progress,
  };
}

/**
 * Reads an exported progress file. Lessons in the file replace the same lessons here; steps of
 * lessons this playground does not have are left out. Throws with a sentence when it is not one.
 */
export function parseProgressFile(
  text: string,
  known: ReadonlyMap<string, ReadonlySet<string>>,
): Progress {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('That file is not JSON.');
  }
  if (!isRecord(value) || value.format !== PROGRESS_FILE_FORMAT)
    throw new Error('That file is not an authlab progress file.');
  if (value.version !== 1)
    throw new Error(
      `This playground reads progress files of version 1, not ${JSON.stringify(value.version)}.`,
    );
  return cleanProgress(value.lessons, known);
}
