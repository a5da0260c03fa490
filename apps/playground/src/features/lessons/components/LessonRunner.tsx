import { useId, type ReactNode } from 'react';
import { isKnowledgeStep } from '@authlab/shared';
import { hrefFor } from '../../../lib/hash-route';
import type { StreamStatus } from '../../../lib/use-trace-stream';
import {
  useLessonChecks,
  type LessonInputs,
  type TraceAvailability,
} from '../hooks/use-lesson-checks';
import type { LessonDocument } from '../lib/lesson-document';
import { LessonBody } from './LessonBody';
import { LessonExercises } from './LessonExercises';
import { KnowledgeStepItem } from './KnowledgeStepItem';
import { LessonStepItem } from './LessonStepItem';
import { ConfirmAction } from '../../../components/ConfirmAction';

function watchText(traces: TraceAvailability, stream: StreamStatus): string {
  if (traces === 'unavailable')
    return 'This API does not show request traces, so steps that check a request cannot tick.';
  if (traces === 'loading') return 'Loading your requests…';
  switch (stream) {
    case 'live':
      return 'Watching your requests: steps tick as you go.';
    case 'unavailable':
      return 'No live stream here: steps that check a request tick when you reopen the lesson.';
    default:
      return 'Connecting to your requests…';
  }
}

interface LessonRunnerProps extends LessonInputs {
  lesson: LessonDocument;
  nextLesson?: LessonDocument | undefined;
  /** The playground's views, shown beside the lesson text. */
  tools: ReactNode;
}

/** A lesson's text beside the live tools; its steps tick by themselves as their checks are met. */
export function LessonRunner({ lesson, nextLesson, tools, ...inputs }: LessonRunnerProps) {
  const id = useId();
  const { steps, justDone, reset, traces, stream, learnerTraces } = useLessonChecks(lesson, inputs);
  const done = lesson.steps.filter((step) => steps[step.id]?.doneAt !== undefined).length;
  const complete = done === lesson.steps.length;
  const lastDone = lesson.steps.find((step) => step.id === justDone.at(-1));

  return (
    <div className="lesson-runner">
      <article className="panel lesson-text" aria-labelledby={`${id}-title`}>
        <p className="lesson-breadcrumb">
          <a href={hrefFor('lessons')}>All lessons</a> · Lesson {lesson.order} · {lesson.minutes}{' '}
          min
        </p>
        <h2 id={`${id}-title`}>{lesson.title}</h2>
        <p className="lesson-summary">{lesson.summary}</p>
        <div className="lesson-progress">
          <progress id={`${id}-progress`} value={done} max={lesson.steps.length} />
          <label htmlFor={`${id}-progress`}>
            {done} of {lesson.steps.length} steps done
          </label>
        </div>
        {/* Announces a step the moment it ticks, wherever focus is (usually in the tools). */}
        <p className="visually-hidden" role="status">
          {lastDone ? `Step done: ${lastDone.title}.` : ''}
        </p>
        {complete && (
          <div className="notice notice-ok lesson-complete">
            <p className="notice-title">Lesson complete</p>
            <p>
              Every step is done.{' '}
              {nextLesson ? (
                <a href={hrefFor('lessons', nextLesson.id)}>Next: {nextLesson.title}</a>
              ) : (
                <a href={hrefFor('lessons')}>Back to all lessons</a>
              )}
            </p>
          </div>
        )}
        <p
          className={`lesson-watch ${traces === 'ready' && stream === 'live' ? 'stream-live' : 'hint'}`}
        >
          {watchText(traces, stream)}
        </p>
        <ol className="lesson-steps" aria-label="Steps">
          {lesson.steps.map((step, index) =>
            isKnowledgeStep(step) ? (
              <KnowledgeStepItem
                key={step.id}
                lessonId={lesson.id}
                step={step}
                number={index + 1}
                progress={steps[step.id]}
                traces={learnerTraces}
              />
            ) : (
              <LessonStepItem
                key={step.id}
                lessonId={lesson.id}
                step={step}
                number={index + 1}
                progress={steps[step.id]}
              />
            ),
          )}
        </ol>
        <p className="hint">
          Steps count what you do after opening the lesson, in this browser. They tick by
          themselves.
        </p>
        <div className="button-row">
          <ConfirmAction
            label="Reset this lesson"
            question="Forget this lesson’s progress, hints and solutions?"
            confirmLabel="Yes, reset this lesson"
            onConfirm={reset}
          />
        </div>
        <LessonExercises lessonId={lesson.id} />
        <section aria-labelledby={`${id}-text`} className="lesson-reading">
          <h3 id={`${id}-text`} className="visually-hidden">
            The lesson
          </h3>
          <LessonBody body={lesson.body} />
        </section>
      </article>
      <section className="lesson-tools" aria-label="Tools">
        {tools}
      </section>
    </div>
  );
}
