import { useEffect, useState } from 'react';
import {
  evaluateCheck,
  evaluateKnowledge,
  isKnowledgeStep,
  tracesSinceBaseline,
  type LessonState,
} from '@authlab/shared';
import { decodeJwt } from '../../../lib/decode-jwt';
import { useVerifiedSignature, verifiedWith } from '../../../lib/signature-verification';
import { baselineOf, clearBaseline, setBaseline } from '../lib/baselines';
import type { LessonDocument } from '../lib/lesson-document';
import { markStepDone, resetLesson, useProgress } from '../lib/progress';
import { useLiveLearnerTraces } from './use-live-learner-traces';

export interface LessonInputs {
  /** The playground's current token, if JavaScript may see one. */
  currentToken: string | undefined;
  /** Whether the session's tokens travel in cookies. */
  cookieMode: boolean;
  /** In cookie mode, which sign-in the cookies belong to: a new one is followed from then on. */
  cookieSession?: string | undefined;
}

export type TraceAvailability = 'loading' | 'ready' | 'unavailable';

function tokenOf(token: string | undefined): LessonState['token'] {
  if (!token) return undefined;
  const decoded = decodeJwt(token);
  if (!decoded.ok || !decoded.header.ok || !decoded.payload.ok) return undefined;
  return { header: decoded.header.value, claims: decoded.payload.value };
}

/**
 * Evaluates every step's check against the learner's state and ticks a step the first time its
 * check is met; a ticked step stays ticked. Requests count from the moment the lesson started.
 */
export function useLessonChecks(
  lesson: LessonDocument,
  { currentToken, cookieMode, cookieSession }: LessonInputs,
) {
  const { query, stream } = useLiveLearnerTraces(currentToken, cookieSession);
  const verification = useVerifiedSignature();
  const progress = useProgress();
  const [baseline, setBaselineState] = useState(() => baselineOf(lesson.id));
  const [justDone, setJustDone] = useState<string[]>([]);

  // The first time the lesson is open and the learner's requests are known, those requests are its baseline.
  useEffect(() => {
    if (baseline || !query.isSuccess) return;
    const ids = query.data.map((trace) => trace.id);
    setBaseline(lesson.id, ids);
    setBaselineState(new Set(ids));
  }, [baseline, query.isSuccess, query.data, lesson.id]);

  const token = tokenOf(currentToken);
  const keyKind = verifiedWith(currentToken, verification);
  const state: LessonState = {
    ...(token ? { token } : {}),
    ...(keyKind ? { verifiedWith: keyKind } : {}),
    cookieMode,
    traces: tracesSinceBaseline(query.data ?? [], baseline),
  };
  const steps = progress[lesson.id]?.steps ?? {};
  // A knowledge check is met by its right answer, an action step by its check.
  const met = lesson.steps
    .filter(
      (step) =>
        !steps[step.id]?.doneAt &&
        (isKnowledgeStep(step)
          ? evaluateKnowledge(step.knowledge, steps[step.id]?.answer, state.traces).state ===
            'right'
          : evaluateCheck(step.check, state)),
    )
    .map((step) => step.id);
  const metKey = met.join(' ');

  useEffect(() => {
    if (metKey === '') return;
    const ids = metKey.split(' ');
    for (const id of ids) markStepDone(lesson.id, id);
    setJustDone((previous) => [...previous, ...ids]);
  }, [metKey, lesson.id]);

  function reset(): void {
    resetLesson(lesson.id);
    clearBaseline(lesson.id);
    setBaselineState(undefined);
    setJustDone([]);
  }

  const traces: TraceAvailability = query.isSuccess
    ? 'ready'
    : query.isError
      ? 'unavailable'
      : 'loading';
  return { steps, justDone, reset, traces, stream, learnerTraces: state.traces };
}
