import { expect } from 'vitest';
import type { Learner } from '../support/learner';

/** Takes the exercise's legitimate token from the lab and makes it the current token, to edit. */
async function startFrom(learner: Learner, exercise: string): Promise<void> {
  await learner.send(
    { method: 'POST', path: `/api/lab/${exercise}/token`, as: 'nobody (no token)', body: '' },
    200,
  );
  await learner.page
    .getByRole('button', { name: 'Use this token (token) as my current token' })
    .click();
  await learner.tool('Token editor');
}

async function sendToBoth(learner: Learner, exercise: string): Promise<void> {
  await learner.sendEdited(`GET /api/lab/${exercise}/weak`, 200);
  await learner.sendEdited(`GET /api/lab/${exercise}/secure`, 401);
}

export async function walk(learner: Learner): Promise<void> {
  const { page } = learner;

  await startFrom(learner, 'unverified-signature');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Keep the old signature/ }).check();
  await sendToBoth(learner, 'unverified-signature');
  await learner.stepDone('A signature nobody checks');

  await startFrom(learner, 'alg-none');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /No signature \(alg "none"\)/ }).check();
  await sendToBoth(learner, 'alg-none');
  await learner.stepDone('alg none');

  await startFrom(learner, 'weak-secret');
  await learner.tool('Token inspector');
  await page.getByRole('button', { name: 'Start cracking' }).click();
  await page.locator('.cracked-secret', { hasText: /^secret$/ }).waitFor({ timeout: 30_000 });
  await learner.tool('Token editor');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByLabel('Secret to sign with').fill('secret');
  await page.getByLabel('Secret is').selectOption('utf8');
  await sendToBoth(learner, 'weak-secret');
  await learner.stepDone('A guessable secret');

  await startFrom(learner, 'jwk-injection');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Sign with a private key/ }).check();
  await page.getByRole('button', { name: 'Generate a new ES256 key pair' }).click();
  await expect
    .poll(() => page.getByLabel('Private key (PEM or JWK)').inputValue())
    .toContain('BEGIN PRIVATE KEY');
  await page.getByRole('button', { name: 'Put its public key in the header (jwk)' }).click();
  await expect.poll(() => page.getByLabel('Header (JSON)').inputValue()).toContain('"jwk"');
  await sendToBoth(learner, 'jwk-injection');
  await learner.stepDone('jwk: the token brings its own key');

  const attacker = await learner.send(
    { method: 'GET', path: '/api/lab/attacker/private-key', as: 'nobody (no token)' },
    200,
  );
  const { pem: attackerPem } = await learner.json<{ pem: string }>(attacker);
  await startFrom(learner, 'jku-injection');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Sign with a private key/ }).check();
  await learner.editJson('Header', (header) => {
    header.jku = 'http://127.0.0.1:3000/api/lab/attacker/jwks.json';
  });
  await page.getByLabel('Private key (PEM or JWK)').fill(attackerPem);
  await sendToBoth(learner, 'jku-injection');
  await learner.stepDone('jku: the token names its own key');

  const jwks = await learner.send(
    { method: 'GET', path: '/api/lab/jwks-issuer/jwks.json', as: 'nobody (no token)' },
    200,
  );
  const keySet = JSON.stringify(await learner.json<unknown>(jwks));
  await startFrom(learner, 'algorithm-confusion-jwk');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByText('Secret from a public JWK').click();
  await page.getByLabel('Public JWK or JWKS (JSON)').fill(keySet);
  await page.getByRole('button', { name: 'Use its PEM as the secret' }).click();
  await expect
    .poll(() => page.getByLabel('Secret to sign with').inputValue())
    .toContain('BEGIN PUBLIC KEY');
  await sendToBoth(learner, 'algorithm-confusion-jwk');
  await learner.stepDone('Algorithm confusion (key published only as a JWK)');

  const publicKey = await learner.send(
    { method: 'GET', path: '/api/lab/issuer/public-key', as: 'nobody (no token)' },
    200,
  );
  const pem = (await publicKey.getByLabel('pem as text').textContent()) ?? '';
  await startFrom(learner, 'algorithm-confusion');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByLabel('Secret to sign with').fill(pem);
  await page.getByLabel('Secret is').selectOption('utf8');
  await sendToBoth(learner, 'algorithm-confusion');
  await learner.stepDone('Algorithm confusion (key published as a PEM)');

  await startFrom(learner, 'kid-path-traversal');
  await page.getByLabel('role').selectOption('admin');
  await learner.editJson('Header', (header) => {
    header.kid = '../../../../dev/null';
  });
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByLabel(/Sign with an empty key/).check();
  await sendToBoth(learner, 'kid-path-traversal');
  await learner.stepDone('kid path traversal');

  // The lab token stays the current one; the request builder sends the clock move as admin.
  await startFrom(learner, 'ignored-expiry');
  await learner.send(
    {
      method: 'POST',
      path: '/api/clock/advance',
      as: 'admin (role admin)',
      body: '{"seconds":360}',
    },
    200,
  );
  await learner.tool('Token editor');
  await sendToBoth(learner, 'ignored-expiry');
  await learner.stepDone('An expired token that still works');
  await learner.send(
    { method: 'POST', path: '/api/clock/reset', as: 'admin (role admin)', body: '' },
    200,
  );

  await learner.answer(
    'Why does the secure verifier refuse alg none?',
    /^The secure verifier fixes the algorithms/,
  );
  await learner.stepDone('Why does the secure verifier refuse alg none?');
}
