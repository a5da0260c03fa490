#!/usr/bin/env node
// Adds up the JSON reports that every test runner in the workspace writes to <package>/test-results/
// and prints one plain line: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = ['apps', 'packages', 'examples']
  .flatMap((group) => (existsSync(path.join(root, group)) ? readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)) : []))
  .map((dir) => path.join(dir, 'test-results'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.json')).map((file) => path.join(dir, file)));

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
    (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

if (reports.length === 0) {
  console.error('No test reports found under apps/*/, packages/*/ or examples/*/test-results.');
  process.exitCode = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
