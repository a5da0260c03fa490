import { EXERCISES, type ExerciseResult } from '@authlab/shared';
import { useId, useState, type FormEvent } from 'react';
import { recordResultCode, useExerciseResults } from '../lib/exercise-results';

function statusText(result: ExerciseResult | undefined): string {
  if (!result) return 'No result recorded in this browser yet.';
  const when = result.gradedAt.replace('T', ' at ').replace('Z', ' UTC');
  const verdict =
    result.passed === result.total
      ? `all ${result.total} behaviours passed`
      : `${result.passed} of ${result.total} behaviours passed`;
  return `Your grader reported ${verdict} on ${when}.`;
}

function ExerciseStatus({ number, title }: { number: number; title: string }) {
  const id = useId();
  const result = useExerciseResults()[number];
  const [code, setCode] = useState('');
  const [refused, setRefused] = useState(false);

  const record = (event: FormEvent) => {
    event.preventDefault();
    const recorded = recordResultCode(number, code);
    setRefused(!recorded);
    if (recorded) setCode('');
  };

  return (
    <li className="lesson-exercise">
      <p>
        <strong>
          Exercise {number}: {title}
        </strong>
      </p>
      <p role="status">{statusText(result)}</p>
      <p className="hint">
        Run <code>npm run exercise -- {number}</code> in the repository and paste the result code it
        prints. The code says what the grader on your machine reported; the playground does not run
        your code.
      </p>
      <form className="field-row" onSubmit={record}>
        <div className="field grow">
          <label htmlFor={`${id}-code`}>Result code for exercise {number}</label>
          <input
            id={`${id}-code`}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            placeholder={`authlab-exercise-${number}-…`}
            value={code}
            aria-invalid={refused}
            aria-describedby={refused ? `${id}-error` : undefined}
            onChange={(event) => setCode(event.target.value)}
          />
          {refused && (
            <p id={`${id}-error`} className="field-error">
              That is not a whole result code for exercise {number}: copy the last line the grader
              printed.
            </p>
          )}
        </div>
        <div className="field">
          <button type="submit" disabled={code.trim() === ''}>
            Record
          </button>
        </div>
      </form>
    </li>
  );
}

/** The coding exercises that belong to a lesson, with the last result pasted for each. */
export function LessonExercises({ lessonId }: { lessonId: string }) {
  const id = useId();
  const exercises = EXERCISES.filter((exercise) => exercise.lessonId === lessonId);
  if (exercises.length === 0) return null;
  return (
    <section className="lesson-exercises" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Write it yourself</h3>
      <ul>
        {exercises.map((exercise) => (
          <ExerciseStatus key={exercise.number} number={exercise.number} title={exercise.title} />
        ))}
      </ul>
    </section>
  );
}
