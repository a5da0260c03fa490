import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ApiException } from '../../common/errors/api-exception.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { IAT_SKEW_SECONDS } from '../authentication/token-times.js';
import { REVOCATION_BACKEND, type RevocationBackend } from './revocation-backend.js';
import type { RevocationEvent } from './revocation-event.js';
import { RevocationRepository } from './revocation.repository.js';
import { RevocationView, type TokenFacts } from './revocation-view.js';

/**
 * The real clock. The API's clock is never behind it (demo mode only moves it forward, and a
 * reset puts it back to real time), so a fact kept until a time on the real clock is kept at
 * least as long on the API's clock, whatever it does meanwhile.
 */
const realNowSeconds = () => Math.floor(Date.now() / 1000);
const PRUNE_INTERVAL_MS = 60_000;

/**
 * Decides, for every authenticated request, whether a verified token is still honoured: not
 * signed out, its session not ended, its token version current. The decision reads an
 * in-process view; revocations reach it from this instance directly and from the others
 * through the backend (Redis pub/sub), which also holds what an instance must reload.
 *
 * Facts are kept until every token they cover has expired on any clock the API may use: a
 * token's times come from the API's clock when it was issued (possibly moved ahead), and it
 * is accepted only while its `exp` is ahead of both that clock and the real one. So a fact ends
 * at a time taken from the API's clock plus a lifetime, and is let go on the real clock.
 */
@Injectable()
export class RevocationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Revocation');
  private readonly view = new RevocationView();
  /** Raised whenever events may have been missed; a resync clears staleness only for its own generation. */
  private generation = 0;
  private stale = true;
  private pruneTimer: NodeJS.Timeout | undefined;
  /** Told whenever a refusal may have appeared: what holds a token open (a stream) asks again. */
  private readonly changeListeners = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REVOCATION_BACKEND) private readonly backend: RevocationBackend,
    private readonly repository: RevocationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.backend.listen({
      event: (event) => {
        this.view.apply(event);
        this.changed();
      },
      stale: () => this.markStale(),
      resync: () =>
        void this.resync().catch((error: unknown) => this.logger.error('Resync failed', error)),
    });
    await this.resync();
    this.pruneTimer = setInterval(
      () => this.view.prune(realNowSeconds()),
      PRUNE_INTERVAL_MS,
    ).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.backend.close();
  }

  /** Why a verified token must be refused, or undefined. Throws 503 while the view may be stale. */
  refusal(token: TokenFacts): string | undefined {
    // Correctness first: a view that may have missed a sign-out does not get to say yes.
    if (this.stale) {
      throw new ApiException(
        503,
        'Token revocation state is being resynchronised; try again in a moment.',
        {
          'Retry-After': '1',
        },
      );
    }
    return this.view.refusal(token, realNowSeconds());
  }

  /** Signs one access token out until it expires (its own exp, from the clock that issued it). */
  denyToken(jti: string, expiresAt: number): Promise<void> {
    return this.record({ type: 'token', jti, until: expiresAt });
  }

  /** Ends sessions for every access token they issued: those were issued by now on the API's clock. */
  endSessions(ids: string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.record({
      type: 'sessions',
      ids,
      until: this.clock.nowSeconds() + this.longestTokenLifetime(),
    });
  }

  /** Retires every token of `principal` (`user:42`, `client:cl_…`) older than `version`. */
  raiseVersion(principal: string, version: number): Promise<void> {
    return this.record({ type: 'version', principal, version });
  }

  /** Hears of every revocation, this instance's or another's, and of a view that went stale. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** This instance applies the event at once; the others hear of it through the backend. */
  private async record(event: RevocationEvent): Promise<void> {
    this.view.apply(event);
    this.changed();
    await this.backend.publish(event);
  }

  private markStale(): void {
    this.generation += 1;
    if (!this.stale)
      this.logger.warn('Lost the revocation channel; refusing tokens until resynchronised.');
    this.stale = true;
    this.changed();
  }

  private async resync(): Promise<void> {
    const generation = this.generation;
    const now = realNowSeconds();
    const lifetime = this.longestTokenLifetime();
    const [denied, ended, versions] = await Promise.all([
      this.backend.deniedTokens(now),
      // Sessions record when they ended on the API's clock (SessionsService), never behind the real one.
      this.repository.sessionsEndedSince(new Date((now - lifetime) * 1000)),
      this.repository.raisedVersions(),
    ]);
    for (const { jti, until } of denied) this.view.apply({ type: 'token', jti, until });
    for (const { id, revokedAt } of ended) {
      this.view.apply({
        type: 'sessions',
        ids: [id],
        until: Math.ceil(Date.parse(revokedAt) / 1000) + lifetime,
      });
    }
    for (const { principal, version } of versions)
      this.view.apply({ type: 'version', principal, version });
    if (generation === this.generation) {
      if (this.stale && generation > 0) this.logger.log('Revocation state resynchronised.');
      this.stale = false;
    }
    this.changed();
  }

  /**
   * How long after a session ends one of its tokens may still be valid: a full lifetime, and the
   * skew by which its iat may have been ahead (another instance's clock issued it).
   */
  private longestTokenLifetime(): number {
    return (
      Math.max(this.config.jwt.accessTokenTtlSeconds, this.config.jwt.clientTokenTtlSeconds) +
      IAT_SKEW_SECONDS
    );
  }
}
