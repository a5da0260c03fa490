import { useId } from 'react';
import type { ActionStep } from '@authlab/shared';
import { showNextHint, showSolution, type StepProgress } from '../lib/progress';
import { InlineText } from './LessonBody';

interface LessonStepItemProps {
  lessonId: string;
  step: ActionStep;
  number: number;
  progress: StepProgress | undefined;
}

/** One step: its task, whether it is done, hints one at a time, and a solution that does not complete it. */
export function LessonStepItem({ lessonId, step, number, progress }: LessonStepItemProps) {
  const id = useId();
  const done = progress?.doneAt !== undefined;
  const hintsShown = Math.min(progress?.hintsShown ?? 0, step.hints.length);
  const solutionShown = progress?.solutionShown === true;

  return (
    <li
      className={`lesson-step ${done ? 'step-done' : 'step-todo'}`}
      aria-labelledby={`${id}-title`}
      data-step-id={step.id}
    >
      <div className="step-head">
        <span className={`step-status ${done ? 'step-status-done' : ''}`}>
          {done ? '✓ Done' : `Step ${number}`}
        </span>
        <h3 id={`${id}-title`} className="step-title">
          {step.title}
          {done && <span className="visually-hidden"> (done)</span>}
        </h3>
      </div>
      <p className="step-task">
        <InlineText text={step.task} />
      </p>
      {hintsShown > 0 && (
        <ol className="step-hints" aria-label={`Hints for “${step.title}”`}>
          {step.hints.slice(0, hintsShown).map((hint) => (
            <li key={hint}>
              <InlineText text={hint} />
            </li>
          ))}
        </ol>
      )}
      {solutionShown && (
        <div className="step-solution" aria-label={`Solution of “${step.title}”`} role="note">
          <p>
            <strong>Solution:</strong> <InlineText text={step.solution} />
          </p>
          {!done && (
            <p className="hint">
              Reading it does not tick the step: do it, and the step ticks by itself.
            </p>
          )}
        </div>
      )}
      {!done && (
        <div className="button-row step-actions">
          {hintsShown < step.hints.length ? (
            <button
              type="button"
              className="secondary"
              onClick={() => showNextHint(lessonId, step.id, step.hints.length)}
            >
              {hintsShown === 0
                ? 'Show a hint'
                : `Show hint ${hintsShown + 1} of ${step.hints.length}`}
            </button>
          ) : (
            <span className="hint">
              {step.hints.length === 1
                ? 'The only hint is shown.'
                : `All ${step.hints.length} hints are shown.`}
            </span>
          )}
          {!solutionShown && (
            <button
              type="button"
              className="secondary"
              onClick={() => showSolution(lessonId, step.id)}
            >
              Show the solution
            </button>
          )}
        </div>
      )}
    </li>
  );
}
