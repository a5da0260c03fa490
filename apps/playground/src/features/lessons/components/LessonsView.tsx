import type { ReactNode } from 'react';
import { lessons } from 'virtual:lessons';
import { hrefFor } from '../../../lib/hash-route';
import type { LessonInputs } from '../hooks/use-lesson-checks';
import { LessonList } from './LessonList';
import { LessonRunner } from './LessonRunner';

interface LessonsViewProps extends LessonInputs {
  /** #/lessons/<id>; the list when absent. */
  lessonId?: string | undefined;
  tools: ReactNode;
}

/** #/lessons and #/lessons/<id>: the lessons of docs/lessons, read at build time. */
export function LessonsView({ lessonId, tools, ...inputs }: LessonsViewProps) {
  if (lessonId === undefined) return <LessonList lessons={lessons} />;
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) {
    return (
      <section className="panel">
        <h2>No such lesson</h2>
        <p>
          There is no lesson “{lessonId}”. <a href={hrefFor('lessons')}>See every lesson</a>.
        </p>
      </section>
    );
  }
  const lesson = lessons[index]!;
  // Keyed by lesson: another lesson starts with its own baseline and state.
  return (
    <LessonRunner
      key={lesson.id}
      lesson={lesson}
      nextLesson={lessons[index + 1]}
      tools={tools}
      {...inputs}
    />
  );
}
