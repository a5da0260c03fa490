import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Server and load generator each get their own core, so the client never steals the server's
 * CPU (and the figures match "one core per side"). Without taskset or a second core, nothing is
 * pinned and the report says so.
 */
function tasksetWorks(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const PINNED = availableParallelism() >= 2 && tasksetWorks();
export const SERVER_CORE = 0;
export const CLIENT_CORE = 1;

/** The command line that runs `command args` on one core (or unpinned when that is impossible). */
export function onCore(core: number, command: string, args: string[]): [string, string[]] {
  return PINNED ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

/**
 * Moves this process (the bench itself: it times sign-ins and page loads, and reads results)
 * to the client core, so that it never competes with the server it measures.
 */
export function pinSelfToClientCore(): void {
  if (PINNED)
    execFileSync('taskset', ['-a', '-p', '-c', String(CLIENT_CORE), String(process.pid)], {
      stdio: 'ignore',
    });
}
