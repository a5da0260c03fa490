import type { Grade } from './check.js';

export interface ReportHeading {
  number: number;
  title: string;
  file: string;
  lesson: string;
}

/** The text the learner reads: every behaviour ✓/✗, each miss with its reason and lesson. */
export function formatReport(heading: ReportHeading, grade: Grade): string {
  const failed = grade.checks.filter((check) => !check.passed);
  const lines = [`Exercise ${heading.number}: ${heading.title}`, `Graded: ${heading.file}`, ''];
  for (const check of grade.checks) {
    lines.push(`  ${check.passed ? '✓' : '✗'} ${check.behaviour}`);
    if (!check.passed) {
      if (check.reason) lines.push(`      ${check.reason}`);
      lines.push(`      lesson: ${check.lesson ?? heading.lesson}`);
    }
  }
  lines.push('');
  if (grade.summary) lines.push(grade.summary);
  lines.push(
    failed.length === 0
      ? `All ${grade.checks.length} behaviours pass.`
      : `${failed.length} of ${grade.checks.length} behaviours fail. Lesson: ${heading.lesson}`,
  );
  return lines.join('\n');
}
