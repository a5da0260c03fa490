import { existsSync, readFileSync, rmSync } from 'node:fs';
import { TALLY_FILE } from './contract-tally.js';

/** Vitest global setup: starts a fresh tally, and prints the total once every file has run. */
export function setup(): () => void {
  rmSync(TALLY_FILE, { force: true });
  return () => {
    if (!existsSync(TALLY_FILE)) return;
    const entries = readFileSync(TALLY_FILE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as {
            validated: number;
            outside: number;
            failures: number;
            pending: string[];
          },
      );
    const sum = (key: 'validated' | 'outside' | 'failures') =>
      entries.reduce((total, entry) => total + entry[key], 0);
    process.stdout.write(
      `contract: ${sum('validated')} responses validated against the OpenAPI document ` +
        `(${sum('failures')} broke it; ${sum('outside')} were to paths outside it) in ${entries.length} test apps\n`,
    );
    const pending = [...new Set(entries.flatMap((entry) => entry.pending))].sort();
    if (pending.length > 0)
      process.stdout.write(
        `contract: ${pending.length} operations document no answer yet, so their answers were not checked: ${pending.join(', ')}\n`,
      );
  };
}
