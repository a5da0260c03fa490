import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OnModuleDestroy } from '@nestjs/common';

/** The folder shipped in the repo (apps/api/lab-key-files), from src/lab and dist/lab alike. */
const TEMPLATE = fileURLToPath(new URL('../../lab-key-files/', import.meta.url));

/** Where key files live inside the sandbox; a `kid` is resolved against it. */
const KEYS_DIR = '/keys';

/**
 * The kid exercise's key files: a copy of apps/api/lab-key-files in a fresh temporary folder,
 * with the legitimate key written into it. Lookups are real file reads, but the copy is their
 * root: `..` can climb out of keys/ (the exercise) and never out of the copy (the lab's rail),
 * the way a chroot clamps `/..` to `/`.
 */
export class KidKeyFolder implements OnModuleDestroy {
  readonly root = mkdtempSync(join(tmpdir(), 'authlab-lab-keys-'));

  constructor(kid: string, secret: Buffer) {
    cpSync(TEMPLATE, this.root, { recursive: true });
    mkdirSync(join(this.root, KEYS_DIR), { recursive: true });
    writeFileSync(join(this.root, KEYS_DIR, kid), secret, { mode: 0o600 });
  }

  /** Where a `kid` leads inside the sandbox: "/keys/lab-hs256-1", "/dev/null". */
  static pathFor(kid: string): string {
    return posix.resolve(KEYS_DIR, kid);
  }

  /** The file a kid names, read as the key; undefined when there is no such file. */
  read(kid: string): Buffer | undefined {
    if (kid.includes('\0')) return undefined;
    try {
      return readFileSync(join(this.root, KidKeyFolder.pathFor(kid)));
    } catch {
      return undefined; // no such file, or a folder
    }
  }

  onModuleDestroy(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
