import { describe, expect, it } from 'vitest';
import { RevocationView } from './revocation-view.js';

const token = { principal: 'user:7', jti: 'jti-1', sessionId: 'session-1', version: 2 };

describe('RevocationView', () => {
  it('lets a token pass when nothing refuses it', () => {
    expect(new RevocationView().refusal(token, 50)).toBeUndefined();
  });

  it('refuses a signed-out jti, an ended session and an older token version', () => {
    const cases = [
      { type: 'token' as const, jti: 'jti-1', until: 100 },
      { type: 'sessions' as const, ids: ['other', 'session-1'], until: 100 },
      { type: 'version' as const, principal: 'user:7', version: 3 },
    ];
    for (const event of cases) {
      const view = new RevocationView();
      view.apply(event);
      expect(view.refusal(token, 50)).toEqual(expect.any(String));
    }
  });

  it('accepts a token at the current version, and one of another principal', () => {
    const view = new RevocationView();
    view.apply({ type: 'version', principal: 'user:7', version: 2 });
    view.apply({ type: 'version', principal: 'client:cl_x', version: 9 });
    expect(view.refusal(token, 50)).toBeUndefined();
  });

  it('never lowers a version or shortens a refusal, whatever order events arrive in', () => {
    const view = new RevocationView();
    view.apply({ type: 'version', principal: 'user:7', version: 5 });
    view.apply({ type: 'version', principal: 'user:7', version: 3 });
    expect(view.refusal({ ...token, version: 4 }, 50)).toContain('version 5');
    view.apply({ type: 'token', jti: 'jti-1', until: 200 });
    view.apply({ type: 'token', jti: 'jti-1', until: 100 });
    view.prune(150);
    expect(view.refusal(token, 150)).toBe('the token was signed out');
  });

  it('holds a refusal until its time exactly, whether or not it has been pruned', () => {
    const view = new RevocationView();
    view.apply({ type: 'sessions', ids: ['session-1'], until: 100 });
    expect(view.refusal(token, 99)).toBe('its session has ended');
    expect(view.refusal(token, 100)).toBeUndefined();
  });

  it('forgets refusals once every token they concern has expired, but keeps versions', () => {
    const view = new RevocationView();
    view.apply({ type: 'token', jti: 'jti-1', until: 100 });
    view.apply({ type: 'sessions', ids: ['session-1'], until: 100 });
    view.apply({ type: 'version', principal: 'user:7', version: 3 });
    view.prune(100);
    expect(view.size()).toEqual({ deniedTokens: 0, endedSessions: 0, versions: 1 });
  });
});
