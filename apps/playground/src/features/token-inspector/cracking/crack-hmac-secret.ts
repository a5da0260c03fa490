import { base64ToBytes } from '../../../lib/base64url';

export interface CrackProgress {
  tried: number;
  total: number;
  elapsedMs: number;
}

export type CrackOutcome =
  | ({ status: 'found'; secret: string } & CrackProgress)
  | ({ status: 'not-found' } & CrackProgress)
  | ({ status: 'stopped' } & CrackProgress);

const HASHES = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' } as const;
export type CrackableAlgorithm = keyof typeof HASHES;

export function isCrackable(alg: unknown): alg is CrackableAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(HASHES, alg);
}

/** Guesses checked at once: Web Crypto runs them off the main thread, as a real cracker's threads would. */
const BATCH = 16;
/** How long the cracker works before it hands the main thread back for a frame and a progress report. */
const SLICE_MS = 40;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Offline dictionary attack on an HMAC-signed JWT: for each word, the HMAC of "header.payload"
 * with that word as the key, compared with the signature. One real Web Crypto HMAC per guess —
 * nothing is skipped or precomputed, so the guesses per second shown are this browser's true rate.
 */
export async function crackHmacSecret(
  token: string,
  alg: CrackableAlgorithm,
  words: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (progress: CrackProgress) => void } = {},
): Promise<CrackOutcome> {
  const [header = '', payload = '', signature = ''] = token.trim().split('.');
  const signingInput = new TextEncoder().encode(`${header}.${payload}`);
  const expected = base64ToBytes(signature);
  const hash = HASHES[alg];
  const encoder = new TextEncoder();
  const started = performance.now();
  const progress = (tried: number): CrackProgress => ({
    tried,
    total: words.length,
    elapsedMs: performance.now() - started,
  });

  const matches = async (word: string): Promise<boolean> => {
    // A zero-length HMAC key is refused by Web Crypto; no wordlist line is empty anyway.
    if (word === '') return false;
    const key = await crypto.subtle.importKey(
      'raw',
      encoder.encode(word),
      { name: 'HMAC', hash },
      false,
      ['verify'],
    );
    return crypto.subtle.verify('HMAC', key, expected, signingInput);
  };

  let tried = 0;
  let sliceStart = performance.now();
  while (tried < words.length) {
    if (options.signal?.aborted) return { status: 'stopped', ...progress(tried) };
    const batch = words.slice(tried, tried + BATCH);
    const results = await Promise.all(batch.map(matches));
    const hit = results.indexOf(true);
    if (hit !== -1) return { status: 'found', secret: batch[hit]!, ...progress(tried + hit + 1) };
    tried += batch.length;
    if (performance.now() - sliceStart >= SLICE_MS) {
      options.onProgress?.(progress(tried));
      await nextFrame();
      sliceStart = performance.now();
    }
  }
  return { status: 'not-found', ...progress(tried) };
}
