import text from './wordlist.txt?raw';

/**
 * The built-in wordlist: common passwords and the words people sign JWTs with, a few thousand
 * lines. Real lists hold millions; this one is small enough to ship and big enough to show why a
 * word is never a secret.
 */
export const BUILTIN_WORDLIST: readonly string[] = parseWordlist(text);

/** One guess a line; blank lines are skipped, every other character counts (a space too). */
export function parseWordlist(list: string): string[] {
  return list.split(/\r?\n/).filter((line) => line !== '');
}
