#!/usr/bin/env node
// Adds up the JSON reports that every test runner in the workspace writes to <package>/test-results/
// and prints one plain line: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Every workspace package, from the root package.json ("apps/*" style globs or plain folders). */
function workspaceDirs() {
  const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => path.join(parent, name)) : [];
  });
}

const reports = workspaceDirs()
  .map((dir) => path.join(dir, 'test-results'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => path.join(dir, file)),
  );

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + suitesThatFailedToRun(report);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

/** A file that failed to load or crashed in a hook has no failed test, yet it failed: count it once. */
function suitesThatFailedToRun(report) {
  return (report.testResults ?? []).filter(
    (suite) =>
      suite.status === 'failed' &&
      !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

if (reports.length === 0) {
  console.error("No test reports found in any workspace package's test-results folder.");
  process.exitCode = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
