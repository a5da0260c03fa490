import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileTypeValidator } from '@nestjs/common';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** The oldest Node the README promises, from the root package.json's engines. */
const floor = semver.minVersion(
  (readJson('package.json') as { engines: { node: string } }).engines.node,
)!.version;

describe(`the Node floor (${floor})`, () => {
  it('is supported by every package in the lock file, so npm install warns of no engine', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { version?: string; engines?: { node?: string } }>;
    };
    const unsupported = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node && !semver.satisfies(floor, entry.engines.node))
      .map(([name, entry]) => `${name}@${entry.version} wants node ${entry.engines!.node}`);
    expect(unsupported).toEqual([]);
  });

  // @nestjs/common loads file-type (pinned to a Node 20 release by the root package.json's
  // overrides) only here: its FileTypeValidator reads a file's magic number.
  it("runs Nest's FileTypeValidator with the pinned file-type: a PNG by its bytes, not by its label", async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const script = Buffer.from('<script>alert(1)</script>');
    const validator = new FileTypeValidator({ fileType: 'image/png' });
    const file = (buffer: Buffer, mimetype: string) =>
      ({ buffer, mimetype, size: buffer.length }) as never;

    expect(await validator.isValid(file(png, 'application/octet-stream'))).toBe(true);
    const disguised = file(script, 'image/png');
    expect(await validator.isValid(disguised)).toBe(false);
    expect(validator.buildErrorMessage(disguised)).toContain(
      'file type could not be detected from its content',
    );

    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const renamed = file(gif, 'image/png');
    expect(await validator.isValid(renamed)).toBe(false);
    expect(validator.buildErrorMessage(renamed)).toContain('current file type is image/gif');
  });
});
