import { describe, expect, it } from 'vitest';
import { credentialsSchema, PASSWORD_MAX_LENGTH } from './auth.schema.js';

describe('credentialsSchema', () => {
  it('normalises the username to lower case', () => {
    expect(credentialsSchema.parse({ username: ' Alice ', password: 'correct horse' })).toEqual({
      username: 'alice',
      password: 'correct horse',
    });
  });

  it('keeps a 128-character password whole (no truncation)', () => {
    const password = 'p'.repeat(PASSWORD_MAX_LENGTH);
    expect(credentialsSchema.parse({ username: 'bob', password }).password).toHaveLength(128);
  });

  it.each([
    [{ username: 'bob', password: 'short' }, 'password'],
    [{ username: 'bob', password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1) }, 'password'],
    [{ username: 'a:b', password: 'long enough' }, 'username'],
    [{ username: 'x', password: 'long enough' }, 'username'],
    [{ username: 'bob', password: 12345678 }, 'password'],
  ])('rejects %j at %s', (input, field) => {
    const result = credentialsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('refuses unknown fields, including prototype keys', () => {
    expect(
      credentialsSchema.safeParse({ username: 'bob', password: 'long enough', role: 'admin' })
        .success,
    ).toBe(false);
    const polluted = JSON.parse(
      '{"username":"bob","password":"long enough","__proto__":{"role":"admin"}}',
    );
    expect(credentialsSchema.safeParse(polluted).success).toBe(false);
  });
});
