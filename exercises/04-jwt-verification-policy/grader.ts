import { setTimeout as sleep } from 'node:timers/promises';
import {
  describeError,
  expectThat,
  missingExports,
  type Check,
  type Grade,
} from '../src/grading/check.js';
import { makeKeys } from '../src/grading/tokens.js';
import { buildBattery } from './forged-tokens.js';

const LESSON = 'docs/lessons/09-attacking-jwts.md';

type Verify = (token: string, key: { kid: string; publicKeyPem: string }) => unknown;

type Outcome = { accepted: true; value: unknown } | { accepted: false; error: string };

/** Runs the verifier once; a throw or a rejected promise is a refusal. A hang counts as neither. */
async function attempt(
  verify: Verify,
  token: string,
  key: { kid: string; publicKeyPem: string },
): Promise<Outcome> {
  try {
    const value = await Promise.race([
      Promise.resolve(verify(token, key)),
      sleep(2000).then(() => {
        throw new Error('took longer than 2 s (did it try to fetch a key?)');
      }),
    ]);
    return { accepted: true, value };
  } catch (error) {
    return { accepted: false, error: describeError(error) };
  }
}

const summarise = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
};

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { verifyAccessToken: 'function' });
  if (missing.length > 0) return { checks: missing };
  const verify = mod.verifyAccessToken as Verify;
  const keys = makeKeys();
  const key = { kid: keys.kid, publicKeyPem: keys.publicKeyPem };
  const { accepted, forged } = buildBattery(keys);
  const checks: Check[] = [];

  for (const good of accepted) {
    const outcome = await attempt(verify, good.token, key);
    const sub = outcome.accepted ? (outcome.value as { sub?: unknown } | null)?.sub : undefined;
    checks.push(
      expectThat(
        `accepts ${good.name} and returns its claims`,
        outcome.accepted && sub === 'ada',
        () =>
          outcome.accepted
            ? `it returned ${summarise(outcome.value)}, expected the claims (sub "ada")`
            : `it refused: ${outcome.error}${good.why ? ` — ${good.why}` : ''}`,
        'docs/lessons/03-anatomy-of-a-jwt.md',
      ),
    );
  }

  let refused = 0;
  for (const forgery of forged) {
    const outcome = await attempt(verify, forgery.token, key);
    if (!outcome.accepted) refused += 1;
    checks.push(
      expectThat(
        `refuses: ${forgery.name}`,
        !outcome.accepted,
        () =>
          `accepted it (returned ${summarise(outcome.accepted ? outcome.value : undefined)}) — ${forgery.why}`,
        LESSON,
      ),
    );
  }
  return { checks, summary: `Refuses ${refused} of ${forged.length} forged or malformed tokens.` };
}
