import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where each test app adds how many answers it checked; the global teardown adds them up. */
export const TALLY_FILE = path.resolve(
  import.meta.dirname,
  '../../../test-results/contract-tally.ndjson',
);

export function tally(entry: {
  validated: number;
  outside: number;
  failures: number;
  pending: string[];
}): void {
  mkdirSync(path.dirname(TALLY_FILE), { recursive: true });
  appendFileSync(TALLY_FILE, `${JSON.stringify(entry)}\n`);
}
