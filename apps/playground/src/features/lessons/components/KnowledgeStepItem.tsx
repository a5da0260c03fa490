import { useId, useState } from 'react';
import {
  evaluateKnowledge,
  tracesOfRequest,
  type KnowledgeOutcome,
  type KnowledgeStep,
  type Trace,
} from '@authlab/shared';
import { answerKnowledge, type StepProgress } from '../lib/progress';
import { InlineText } from './LessonBody';

interface KnowledgeStepItemProps {
  lessonId: string;
  step: KnowledgeStep;
  number: number;
  progress: StepProgress | undefined;
  /** The learner's requests since the lesson was opened: a prediction is judged by them. */
  traces: readonly Trace[];
}

type Option = KnowledgeStep['knowledge']['options'][number];

function outcomeText(status: number, decidedBy: string): string {
  return decidedBy === 'none'
    ? `${status}, and no step refused it`
    : `${status}, decided by ${decidedBy}`;
}

/** Every option with why it is right or wrong: shown once the right answer is given. */
function Explanations({ options, chosen }: { options: readonly Option[]; chosen: number }) {
  return (
    <ul className="knowledge-explanations">
      {options.map((option, index) => (
        <li
          key={option.text}
          className={option.correct ? 'knowledge-right' : 'knowledge-wrong'}
          data-option={index}
        >
          <p>
            <strong>{option.correct ? '✓ Right' : '✗ Wrong'}:</strong>{' '}
            <InlineText text={option.text} />
            {index === chosen && ' (your answer)'}
          </p>
          <p>
            <InlineText text={option.explanation} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** What the learner sees after answering: why their answer is wrong, or every option explained. */
function Feedback({
  step,
  outcome,
  done,
  chosen,
}: {
  step: KnowledgeStep;
  outcome: KnowledgeOutcome;
  done: boolean;
  chosen: number | undefined;
}) {
  const { knowledge } = step;
  if (done && chosen !== undefined)
    return (
      <div className="knowledge-feedback notice notice-ok">
        <p className="notice-title">
          Right.{' '}
          {outcome.state === 'right' && outcome.actual
            ? `The API answered ${outcomeText(outcome.actual.status, outcome.actual.decidedBy)}.`
            : ''}
        </p>
        <Explanations options={knowledge.options} chosen={chosen} />
      </div>
    );
  if (outcome.state === 'unanswered') return null;
  const option = knowledge.options[outcome.option]!;
  if (outcome.state === 'waiting' && knowledge.type === 'predict')
    return (
      <div className="knowledge-feedback notice notice-info">
        <p className="notice-title">
          Prediction committed: <InlineText text={option.text} />
        </p>
        <p>
          Now send the request: <InlineText text={knowledge.send} />
        </p>
      </div>
    );
  if (outcome.state !== 'wrong') return null;
  return (
    <div className="knowledge-feedback notice notice-error">
      <p className="notice-title">
        {outcome.actual
          ? `Not what happened: the API answered ${outcomeText(outcome.actual.status, outcome.actual.decidedBy)}.`
          : 'Not right.'}
      </p>
      <p>
        <strong>
          Your answer, <InlineText text={option.text} />:
        </strong>{' '}
        <InlineText text={option.explanation} />
      </p>
      <p>
        {knowledge.type === 'predict'
          ? 'Predict again, then send the request again.'
          : 'Read why, then choose again.'}
      </p>
    </div>
  );
}

/**
 * A knowledge check: a multiple-choice question, or a prediction of what a request will get
 * that the learner commits and then tests by sending the request. It ticks only on the right
 * answer; a wrong one shows why it is wrong and can be answered again.
 */
export function KnowledgeStepItem({
  lessonId,
  step,
  number,
  progress,
  traces,
}: KnowledgeStepItemProps) {
  const id = useId();
  const { knowledge } = step;
  const done = progress?.doneAt !== undefined;
  const answer = progress?.answer;
  const outcome = evaluateKnowledge(knowledge, answer, traces);
  const [selected, setSelected] = useState<number | undefined>(answer?.option);
  const predict = knowledge.type === 'predict';

  function submit(): void {
    if (selected === undefined) return;
    answerKnowledge(
      lessonId,
      step.id,
      predict
        ? { option: selected, seenTraceIds: tracesOfRequest(knowledge, traces) }
        : { option: selected },
    );
  }

  return (
    <li
      className={`lesson-step knowledge-step ${done ? 'step-done' : 'step-todo'}`}
      aria-labelledby={`${id}-title`}
      data-step-id={step.id}
    >
      <div className="step-head">
        <span className={`step-status ${done ? 'step-status-done' : ''}`}>
          {done ? '✓ Done' : `Step ${number} · Knowledge check`}
        </span>
        <h3 id={`${id}-title`} className="step-title">
          {step.title}
          {done && <span className="visually-hidden"> (done)</span>}
        </h3>
      </div>
      <fieldset className="knowledge-options" disabled={done}>
        <legend>
          <InlineText text={knowledge.question} />
        </legend>
        {knowledge.options.map((option, index) => (
          <label key={option.text} className="knowledge-option">
            <input
              type="radio"
              name={`${id}-answer`}
              value={index}
              checked={selected === index}
              onChange={() => setSelected(index)}
            />{' '}
            <InlineText text={option.text} />
          </label>
        ))}
      </fieldset>
      {!done && (
        <div className="button-row step-actions">
          <button type="button" disabled={selected === undefined} onClick={submit}>
            {predict
              ? outcome.state === 'unanswered'
                ? 'Commit my prediction'
                : 'Commit this prediction'
              : 'Check my answer'}
          </button>
          {predict && outcome.state === 'unanswered' && (
            <span className="hint">Commit first: only a request sent afterwards counts.</span>
          )}
        </div>
      )}
      <div aria-live="polite">
        <Feedback step={step} outcome={outcome} done={done} chosen={answer?.option} />
      </div>
    </li>
  );
}
