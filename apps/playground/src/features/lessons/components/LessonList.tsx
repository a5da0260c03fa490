import { useId } from 'react';
import { hrefFor } from '../../../lib/hash-route';
import type { LessonDocument } from '../lib/lesson-document';
import { doneCount, useProgress } from '../lib/progress';
import { ProgressControls } from './ProgressControls';

/** Every lesson, in order, with how far the learner got in each. */
export function LessonList({ lessons }: { lessons: readonly LessonDocument[] }) {
  const id = useId();
  const progress = useProgress();

  return (
    <div className="lessons-page">
      <section className="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Lessons</h2>
        <p className="hint">
          Each lesson sits beside the live tools; its steps tick by themselves when the API and the
          playground show you did them.
        </p>
        <ol className="lesson-list" aria-label="Lessons, in order">
          {lessons.map((lesson) => {
            const stepIds = lesson.steps.map((step) => step.id);
            const done = doneCount(progress, lesson.id, stepIds);
            const started = progress[lesson.id] !== undefined;
            return (
              <li
                key={lesson.id}
                className={`lesson-card ${done === stepIds.length ? 'lesson-card-done' : ''}`}
              >
                <h3>
                  <a href={hrefFor('lessons', lesson.id)}>
                    {lesson.order}. {lesson.title}
                  </a>
                </h3>
                <p>{lesson.summary}</p>
                <p className="lesson-card-meta">
                  <span>{lesson.minutes} min</span>
                  <progress
                    value={done}
                    max={stepIds.length}
                    aria-label={`Progress in lesson ${lesson.order}`}
                  />
                  <span>
                    {done === stepIds.length
                      ? '✓ Complete'
                      : started
                        ? `${done} of ${stepIds.length} steps done`
                        : `${stepIds.length} steps`}
                  </span>
                </p>
              </li>
            );
          })}
        </ol>
      </section>
      <ProgressControls lessons={lessons} />
    </div>
  );
}
