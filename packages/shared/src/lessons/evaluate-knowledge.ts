import type { Trace } from '../trace.js';
import { traceMatches } from './evaluate-check.js';
import type { Knowledge, PredictKnowledge, Prediction } from './lesson.schema.js';

/**
 * The learner's answer to a knowledge check: the option they chose and, for a prediction, the
 * traces of the request to send that existed when they committed it — only a request sent after
 * committing can confirm a prediction, so one cannot send first and predict what was seen.
 */
export interface KnowledgeAnswer {
  option: number;
  /** Ids of the learner's traces of `request` known when the prediction was committed. */
  seenTraceIds?: readonly string[];
}

export type KnowledgeOutcome =
  | { state: 'unanswered' }
  /** A prediction committed, its request not sent yet. */
  | { state: 'waiting'; option: number }
  | { state: 'right' | 'wrong'; option: number; actual?: Prediction & { traceId: string } };

/** What a request really got: its status, and the step that refused it ("none" if nobody did). */
export function outcomeOf(trace: Trace): Prediction {
  return { status: trace.status, decidedBy: trace.decidedBy?.step ?? 'none' };
}

/** The first request of the prediction sent after it was committed (traces in any order). */
function requestAfterCommit(
  knowledge: PredictKnowledge,
  answer: KnowledgeAnswer,
  traces: readonly Trace[],
): Trace | undefined {
  const seen = new Set(answer.seenTraceIds ?? []);
  return traces
    .filter((trace) => !seen.has(trace.id) && traceMatches(knowledge.request, trace))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0];
}

/** The ids of the traces a prediction's request matches now: stored with the commitment. */
export function tracesOfRequest(knowledge: PredictKnowledge, traces: readonly Trace[]): string[] {
  return traces.filter((trace) => traceMatches(knowledge.request, trace)).map((trace) => trace.id);
}

/**
 * Whether an answer is right. A choice is right when the chosen option is the correct one; a
 * prediction is right when the first request sent after committing it got exactly the predicted
 * status and was decided by the predicted step — the real trace is the judge, not the option's flag.
 */
export function evaluateKnowledge(
  knowledge: Knowledge,
  answer: KnowledgeAnswer | undefined,
  traces: readonly Trace[],
): KnowledgeOutcome {
  if (!answer) return { state: 'unanswered' };
  const option = knowledge.options[answer.option];
  if (!option) return { state: 'unanswered' };
  if (knowledge.type === 'choice')
    return { state: option.correct ? 'right' : 'wrong', option: answer.option };
  const trace = requestAfterCommit(knowledge, answer, traces);
  if (!trace) return { state: 'waiting', option: answer.option };
  const actual = outcomeOf(trace);
  const predicted = knowledge.options[answer.option]!.predicts;
  const right = actual.status === predicted.status && actual.decidedBy === predicted.decidedBy;
  return {
    state: right ? 'right' : 'wrong',
    option: answer.option,
    actual: { ...actual, traceId: trace.id },
  };
}
