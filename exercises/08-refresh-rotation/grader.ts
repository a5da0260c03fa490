import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  describeError,
  expectThat,
  missingExports,
  probe,
  type Check,
  type Grade,
} from '../src/grading/check.js';

const LESSON = 'docs/lessons/08-refresh-tokens-and-sign-out.md';
const TTL_SECONDS = 3600;

/**
 * An in-memory store that behaves like a remote one: every call yields to the event loop, so
 * a read-then-write can interleave with another request's, as it would against Redis.
 */
class InterleavingStore {
  private readonly entries = new Map<string, unknown>();
  readonly everWritten: string[] = [];

  async get(key: string) {
    await nextTurn();
    const value = structuredClone(this.entries.get(key));
    await nextTurn();
    return value;
  }

  async set(key: string, value: unknown) {
    await nextTurn();
    this.everWritten.push(key, JSON.stringify(value) ?? '');
    this.entries.set(key, structuredClone(value));
  }

  async take(key: string) {
    await nextTurn();
    const value = this.entries.get(key);
    this.entries.delete(key);
    return structuredClone(value);
  }

  async delete(key: string) {
    await nextTurn();
    this.entries.delete(key);
  }
}

interface RefreshTokens {
  issue(userId: string): Promise<unknown>;
  rotate(token: string): Promise<unknown>;
}
type Create = (options: {
  store: InterleavingStore;
  ttlSeconds: number;
  now: () => number;
}) => RefreshTokens;

type Outcome = { ok: true; userId: unknown; token: string } | { ok: false; error: string };

async function rotate(tokens: RefreshTokens, token: string): Promise<Outcome> {
  try {
    const result = (await tokens.rotate(token)) as { userId?: unknown; refreshToken?: unknown };
    return { ok: true, userId: result?.userId, token: String(result?.refreshToken) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

const shown = (outcome: Outcome) =>
  outcome.ok ? 'it was accepted' : `it was refused (${outcome.error})`;

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { createRefreshTokens: 'function' });
  if (missing.length > 0) return { checks: missing };
  const create = mod.createRefreshTokens as Create;
  const issued: string[] = [];
  const setUp = () => {
    const clock = { ms: Date.parse('2026-01-01T00:00:00Z') };
    const store = new InterleavingStore();
    const tokens = create({ store, ttlSeconds: TTL_SECONDS, now: () => clock.ms });
    const issue = async (userId: string) => {
      const token = String(await tokens.issue(userId));
      issued.push(token);
      return token;
    };
    const rotateAndRemember = async (token: string) => {
      const outcome = await rotate(tokens, token);
      if (outcome.ok) issued.push(outcome.token);
      return outcome;
    };
    return { clock, store, tokens, issue, rotate: rotateAndRemember };
  };
  const checks: Check[] = [];
  const check = async (behaviour: string, run: () => Promise<[boolean, () => string]>) => {
    checks.push(
      await probe(behaviour, async () => {
        const [passed, reason] = await run();
        return expectThat(behaviour, passed, reason, LESSON);
      }),
    );
  };

  await check('issue() gives a long random token, different every time', async () => {
    const { issue } = setUp();
    const [a, b] = [await issue('ada'), await issue('ada')];
    return [
      a !== b && a.length >= 22,
      () =>
        `got ${JSON.stringify(a)} and ${JSON.stringify(b)}: use at least 128 random bits (crypto.randomBytes), RFC 6749 §10.10`,
    ];
  });
  await check('rotate() gives a new token for the same user', async () => {
    const { issue, rotate: next } = setUp();
    const first = await issue('ada');
    const outcome = await next(first);
    return [
      outcome.ok && outcome.userId === 'ada' && outcome.token !== first,
      () =>
        outcome.ok
          ? `it returned userId ${JSON.stringify(outcome.userId)} and ${outcome.token === first ? 'the same token' : 'a new token'}`
          : shown(outcome),
    ];
  });
  await check('the new token rotates in turn (three rotations in a row)', async () => {
    const { issue, rotate: next } = setUp();
    let token = await issue('ada');
    for (let round = 1; round <= 3; round += 1) {
      const outcome = await next(token);
      if (!outcome.ok) return [false, () => `rotation ${round}: ${shown(outcome)}`];
      token = outcome.token;
    }
    return [true, () => ''];
  });
  await check('a used token is refused the second time', async () => {
    const { issue, rotate: next } = setUp();
    const first = await issue('ada');
    await next(first);
    const again = await next(first);
    return [
      !again.ok,
      () => `${shown(again)} — RFC 9700 §4.14.2: with rotation, each refresh token is used once`,
    ];
  });
  await check(
    'reuse of an old token ends the session: the newest token is refused too',
    async () => {
      const { issue, rotate: next } = setUp();
      const first = await issue('ada');
      const second = await next(first);
      if (!second.ok) return [false, () => `the first rotation failed: ${second.error}`];
      await next(first);
      const newest = await next(second.token);
      return [
        !newest.ok,
        () =>
          `after the old token came back, the newest token: ${shown(newest)} — RFC 9700 §4.14.2: reuse means an attacker and the user both hold the family; revoke all of it`,
      ];
    },
  );
  await check("reuse ends only that session: the user's other session keeps working", async () => {
    const { issue, rotate: next } = setUp();
    const laptop = await issue('ada');
    const phone = await issue('ada');
    await next(laptop);
    await next(laptop);
    const other = await next(phone);
    return [
      other.ok,
      () =>
        `the other session's token: ${shown(other)} — revoke the family (one sign-in), not the user`,
    ];
  });
  await check('an unknown token is refused', async () => {
    const { issue, rotate: next } = setUp();
    await issue('ada');
    const outcome = await next('made-up-token-0123456789abcdefghijklmnop');
    return [!outcome.ok, () => shown(outcome)];
  });
  await check('an expired token is refused', async () => {
    const { issue, rotate: next, clock } = setUp();
    const first = await issue('ada');
    clock.ms += (TTL_SECONDS + 1) * 1000;
    const outcome = await next(first);
    return [!outcome.ok, () => `${shown(outcome)} one second after its ${TTL_SECONDS} s lifetime`];
  });
  await check('two concurrent rotations of one token: exactly one succeeds', async () => {
    const { issue, rotate: next } = setUp();
    const first = await issue('ada');
    const outcomes = await Promise.all([next(first), next(first)]);
    const winners = outcomes.filter((outcome) => outcome.ok).length;
    return [
      winners === 1,
      () =>
        `${winners} of 2 concurrent rotations succeeded — a read followed by a write lets both read the token before either marks it used; use the store's atomic take() (Redis GETDEL)`,
    ];
  });
  await check('the store never holds a refresh token as issued', async () => {
    const { store, issue, rotate: next } = setUp();
    const first = await issue('ada');
    await next(first);
    const leaked = issued.find(
      (token) => token.length > 0 && store.everWritten.some((entry) => entry.includes(token)),
    );
    return [
      leaked === undefined,
      () =>
        `the store received the token ${JSON.stringify(leaked)} itself — keep a SHA-256 hash, so a leaked store holds no usable token (OWASP Session Management Cheat Sheet)`,
    ];
  });
  return { checks };
}
