import { describe, expect, it } from 'vitest';
import { parseRevocationEvent } from './revocation-event.js';

describe('parseRevocationEvent', () => {
  it.each([
    { type: 'token', jti: 'c5a1a3c4-0d55-4b8e-9a52-6b0f2f7c9e10', until: 1_800_000_000 },
    { type: 'sessions', ids: ['J2wGvGQ3m1KX3vS8mT0Qxw'], until: 1_800_000_000 },
    { type: 'version', principal: 'client:cl_AAAAAAAAAAAAAAAAAAAAAA', version: 4 },
  ])('reads %j', (event) => {
    expect(parseRevocationEvent(JSON.stringify(event))).toEqual(event);
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"type":"token","jti":"x"}',
    '{"type":"token","jti":"x","until":"soon"}',
    '{"type":"token","jti":"x","until":-1}',
    '{"type":"token","jti":{"$gt":""},"until":1}',
    '{"type":"sessions","ids":"all","until":1}',
    '{"type":"sessions","ids":["ok","bad id with spaces"],"until":1}',
    '{"type":"version","principal":"user:1","version":1.5}',
    '{"type":"version","principal":"user:1","version":1e309}',
    '{"type":"everything","until":1}',
    '{"__proto__":{"type":"token"},"jti":"x","until":1}',
  ])('drops the malformed message %s', (message) => {
    expect(parseRevocationEvent(message)).toBeUndefined();
  });
});
