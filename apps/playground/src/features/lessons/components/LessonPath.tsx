import { useId } from 'react';
import { lessons as allLessons } from 'virtual:lessons';
import { hrefFor } from '../../../lib/hash-route';
import type { LessonDocument } from '../lib/lesson-document';
import { doneCount, useProgress, type Progress } from '../lib/progress';

interface LessonStanding {
  lesson: LessonDocument;
  done: number;
  total: number;
  started: boolean;
}

function standingOf(progress: Progress, lesson: LessonDocument): LessonStanding {
  const stepIds = lesson.steps.map((step) => step.id);
  return {
    lesson,
    done: doneCount(progress, lesson.id, stepIds),
    total: stepIds.length,
    started: progress[lesson.id] !== undefined,
  };
}

function statusText({ done, total, started }: LessonStanding): string {
  if (done === total) return '✓ complete';
  if (done > 0 || started) return `${done} of ${total} steps done`;
  return 'not started';
}

/**
 * Where the learner stands in the lessons, from the progress the lesson runner keeps: a lesson is
 * complete only when every one of its steps was checked, never because it was opened.
 */
export function LessonPath({ lessons = allLessons }: { lessons?: readonly LessonDocument[] }) {
  const id = useId();
  const progress = useProgress();
  const standings = lessons.map((lesson) => standingOf(progress, lesson));
  const completed = standings.filter((standing) => standing.done === standing.total).length;
  const next = standings.find((standing) => standing.done < standing.total);
  const anyProgress = standings.some((standing) => standing.started);

  return (
    <section className="panel lesson-path" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Lessons</h2>
      <p>
        {completed === 0
          ? `${lessons.length} lessons, about ${lessons.reduce((sum, lesson) => sum + lesson.minutes, 0)} minutes in all. None complete yet.`
          : `${completed} of ${lessons.length} lessons complete.`}
      </p>
      {next && (
        <p>
          <a className="button-link primary" href={hrefFor('lessons', next.lesson.id)}>
            {anyProgress ? 'Continue with' : 'Start with'} lesson {next.lesson.order}:{' '}
            {next.lesson.title}
          </a>
        </p>
      )}
      <ol className="lesson-path-list" aria-label="Lessons and your progress">
        {standings.map((standing) => (
          <li key={standing.lesson.id}>
            <a href={hrefFor('lessons', standing.lesson.id)}>
              {standing.lesson.order}. {standing.lesson.title}
            </a>
            <span
              className={`lesson-path-status${standing.done === standing.total ? ' lesson-path-done' : ''}`}
            >
              {statusText(standing)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
