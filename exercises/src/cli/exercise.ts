// `npm run exercise -- <n> [--solution]`: grades the learner's file for exercise n (or the
// reference solution), prints the report, remembers the result, exits non-zero while anything fails.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatResultCode } from '@authlab/shared';
import { EXERCISES } from '../catalogue.js';
import { gradeFile } from '../grading/grade-file.js';
import { formatReport } from '../grading/report.js';
import { readResults, rememberResult } from '../grading/results-file.js';

const packageDir = path.resolve(import.meta.dirname, '../..');
// Where the learner's files and grades live; the package's own tests point it at a scratch folder.
const homeDir = process.env.AUTHLAB_EXERCISES_HOME ?? packageDir;
const resultsPath = path.join(homeDir, 'results.json');
const shown = (file: string) => path.relative(path.resolve(packageDir, '..'), file);

function listExercises() {
  const results = readResults(resultsPath);
  const lines = ['Exercises (npm run exercise -- <n>):'];
  for (const exercise of EXERCISES) {
    const result = results[String(exercise.number)];
    const status = !result
      ? 'not graded yet'
      : result.complete
        ? `done (${result.total}/${result.total})`
        : `${result.passed}/${result.total} behaviours pass`;
    lines.push(`  ${exercise.number}. ${exercise.title} — ${status}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(args: string[]) {
  const numberArg = args.find((arg) => !arg.startsWith('--'));
  if (numberArg === undefined) return listExercises();
  const exercise = EXERCISES.find((candidate) => String(candidate.number) === numberArg);
  if (!exercise) {
    process.stderr.write(`No exercise ${numberArg}: choose 1 to ${EXERCISES.length}.\n`);
    process.exitCode = 2;
    return;
  }
  const useSolution = args.includes('--solution');
  const folder = path.join(packageDir, exercise.slug);
  const workFile = path.join(homeDir, 'work', exercise.slug, exercise.file);
  const file = useSolution ? path.join(folder, 'solution', exercise.file) : workFile;
  if (!useSolution && !existsSync(workFile)) {
    mkdirSync(path.dirname(workFile), { recursive: true });
    copyFileSync(path.join(folder, 'starter', exercise.file), workFile);
    process.stdout.write(
      `Your file is ${shown(workFile)}, a copy of the starter: write it there, then grade it again.\n` +
        `The rules and hints: ${shown(path.join(folder, 'README.md'))}\n\n`,
    );
  }
  const grade = await gradeFile(exercise, file);
  const heading = { ...exercise, file: shown(file) };
  process.stdout.write(`${formatReport(heading, grade)}\n`);
  const passed = grade.checks.filter((check) => check.passed).length;
  const complete = passed === grade.checks.length;
  if (!useSolution) {
    const gradedAt = new Date().toISOString();
    const total = grade.checks.length;
    rememberResult(resultsPath, exercise.number, { passed, total, complete, gradedAt });
    const code = formatResultCode({
      exercise: exercise.number,
      passed,
      total,
      gradedAt: `${gradedAt.slice(0, 16)}Z`,
    });
    process.stdout.write(
      `\nResult code for the playground's lesson ${exercise.lessonId}: ${code}\n`,
    );
  }
  process.exitCode = complete ? 0 : 1;
}

await main(process.argv.slice(2));
// Graders close their servers, but a learner's file may leave a timer running.
process.exit();
