import { useId, useState } from 'react';
import { clearBaseline } from '../lib/baselines';
import { downloadText } from '../lib/download';
import type { LessonDocument } from '../lib/lesson-document';
import {
  parseProgressFile,
  progressFileOf,
  progressStore,
  resetAllProgress,
} from '../lib/progress';
import { ConfirmAction } from '../../../components/ConfirmAction';

type Message = { tone: 'ok' | 'error'; text: string } | null;

/** Export and import of progress as a JSON file (another browser, another machine), and reset of all of it. */
export function ProgressControls({ lessons }: { lessons: readonly LessonDocument[] }) {
  const id = useId();
  const [message, setMessage] = useState<Message>(null);
  const known = new Map(
    lessons.map((lesson) => [lesson.id, new Set(lesson.steps.map((step) => step.id))]),
  );

  async function importFile(file: File): Promise<void> {
    try {
      const imported = parseProgressFile(await file.text(), known);
      progressStore.set((progress) => ({ ...progress, ...imported }));
      const steps = Object.values(imported).reduce(
        (count, lesson) => count + Object.values(lesson.steps).filter((step) => step.doneAt).length,
        0,
      );
      const lessonCount = Object.keys(imported).length;
      setMessage({
        tone: 'ok',
        text: `Imported ${steps} done ${steps === 1 ? 'step' : 'steps'} in ${lessonCount} ${lessonCount === 1 ? 'lesson' : 'lessons'}.`,
      });
    } catch (error) {
      setMessage({
        tone: 'error',
        text: `Could not import ${file.name}: ${(error as Error).message}`,
      });
    }
  }

  return (
    <section className="panel progress-controls" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Your progress</h3>
      <p className="hint">
        Kept in this browser. Take it elsewhere as a file; importing replaces the lessons the file
        contains.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            downloadText(
              `authlab-progress-${new Date().toISOString().slice(0, 10)}.json`,
              `${JSON.stringify(progressFileOf(progressStore.get()), null, 2)}\n`,
            );
            setMessage({ tone: 'ok', text: 'Progress exported.' });
          }}
        >
          Export progress
        </button>
        <label className="file-button">
          <span>Import progress…</span>
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <ConfirmAction
          label="Reset all progress"
          question="Forget the progress of every lesson?"
          confirmLabel="Yes, reset everything"
          onConfirm={() => {
            resetAllProgress();
            clearBaseline();
            setMessage({ tone: 'ok', text: 'All progress was reset.' });
          }}
        />
      </div>
      <p role="status" className={message?.tone === 'error' ? 'field-error' : undefined}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
