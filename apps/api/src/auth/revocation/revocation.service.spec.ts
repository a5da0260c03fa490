import { describe, expect, it } from 'vitest';
import { Clock } from '../../clock/clock.js';
import { ApiException } from '../../common/errors/api-exception.js';
import type { AppConfig } from '../../config/app-config.js';
import type { RevocationBackend, RevocationListener } from './revocation-backend.js';
import type { RevocationEvent } from './revocation-event.js';
import type { RevocationRepository } from './revocation.repository.js';
import { RevocationService } from './revocation.service.js';

/** A backend whose connection the test drops and restores by hand. */
class ScriptedBackend implements RevocationBackend {
  listener!: RevocationListener;
  published: RevocationEvent[] = [];
  denied: Array<{ jti: string; until: number }> = [];
  publish(event: RevocationEvent) {
    this.published.push(event);
    return Promise.resolve();
  }
  deniedTokens() {
    return Promise.resolve(this.denied);
  }
  listen(listener: RevocationListener) {
    this.listener = listener;
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

const config = { jwt: { accessTokenTtlSeconds: 900, clientTokenTtlSeconds: 300 } } as AppConfig;
const repository = {
  sessionsEndedSince: () =>
    Promise.resolve([{ id: 'ended-before-start', revokedAt: new Date().toISOString() }]),
  raisedVersions: () => Promise.resolve([{ principal: 'user:1', version: 2 }]),
} as unknown as RevocationRepository;
const token = (overrides = {}) => ({
  principal: 'user:1',
  jti: 'a',
  sessionId: 's',
  version: 2,
  ...overrides,
});

async function started(): Promise<{ service: RevocationService; backend: ScriptedBackend }> {
  const backend = new ScriptedBackend();
  const service = new RevocationService(config, backend, repository, new Clock(false));
  await service.onModuleInit();
  return { service, backend };
}

describe('RevocationService', () => {
  it('loads what was revoked before it started', async () => {
    const { service } = await started();
    expect(service.refusal(token({ sessionId: 'ended-before-start' }))).toBe(
      'its session has ended',
    );
    expect(service.refusal(token({ version: 1 }))).toContain('version');
    expect(service.refusal(token())).toBeUndefined();
    await service.onApplicationShutdown();
  });

  it('applies its own revocations at once, and publishes them for the other instances', async () => {
    const { service, backend } = await started();
    await service.denyToken('a', 2_000_000_000);
    expect(service.refusal(token())).toBe('the token was signed out');
    expect(backend.published).toEqual([{ type: 'token', jti: 'a', until: 2_000_000_000 }]);
    await service.onApplicationShutdown();
  });

  it('refuses to decide (503) while it may have missed events, and decides again after resynchronising', async () => {
    const { service, backend } = await started();
    backend.listener.stale();
    const refused = (() => {
      try {
        service.refusal(token());
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ApiException);
    expect((refused as ApiException).getStatus()).toBe(503);

    // Missed while disconnected: a sign-out recorded in the backend.
    backend.denied = [{ jti: 'a', until: 2_000_000_000 }];
    backend.listener.resync();
    await new Promise((resolve) => setImmediate(resolve));
    expect(service.refusal(token())).toBe('the token was signed out');
    await service.onApplicationShutdown();
  });

  it('stays stale when the connection drops again while a resync is loading', async () => {
    const { service, backend } = await started();
    backend.listener.stale();
    backend.listener.resync();
    backend.listener.stale(); // dropped before the reload finished
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => service.refusal(token())).toThrow(ApiException);
    await service.onApplicationShutdown();
  });
});
