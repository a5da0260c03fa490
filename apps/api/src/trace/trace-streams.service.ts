import { Inject, Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, type Subscriber } from 'rxjs';
import { PLAYGROUND_SESSION_HEADER } from '@authlab/shared';
import { clientIp } from '../auth/sign-in/client-ip.js';
import { principalKey, type Principal } from '../auth/authentication/authenticated-user.js';
import { RevocationService } from '../auth/revocation/revocation.service.js';
import { CLOCK, type Clock } from '../clock/clock.js';
import { ApiException } from '../common/errors/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { currentTrace } from './trace-context.js';
import { canSee, traceViewerOf, type TraceViewer } from './trace-visibility.js';
import { TRACE_STORE, type StoredTrace, type TraceStore } from './trace-store.js';

/** Keeps idle proxies from closing the stream. */
const HEARTBEAT_MS = 15_000;
/** A stream usually ends within seconds of a page closing; asking again after that is fair. */
const RETRY_AFTER_SECONDS = 5;
/** setTimeout's longest delay; a later expiry is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface OpenStream {
  viewer: TraceViewer;
  /** The token the stream was opened with; undefined for an anonymous stream. */
  principal?: Principal;
  callerKey?: string;
  address: string;
  subscriber: Subscriber<MessageEvent>;
  expiry?: NodeJS.Timeout;
}

/**
 * The live trace streams (GET /api/traces/stream). A stream is authorised for as long as it is
 * open, not once: a sign-out, a session ended, a role or password change (on this instance or,
 * through Redis, on another) and the token's expiry on the API's clock each end it at once,
 * with a last `end` event saying why. Each new trace's public form is built once and shared by
 * every stream that may see it. Streams are capped per caller and per address (OWASP API4:2023).
 */
@Injectable()
export class TraceStreams implements OnModuleDestroy {
  private readonly open = new Set<OpenStream>();
  private readonly perCaller = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly limits: AppConfig['traceStreams'];
  private readonly stopListening: Array<() => void>;
  /**
   * Requests (by trace id) that revoked a token or moved the clock on this instance: streams are
   * looked at again once that request's own trace has been delivered, so the learner who signed
   * out sees their sign-out. Meanwhile a refused stream receives nothing else.
   */
  private readonly checkAfter = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(TRACE_STORE) store: TraceStore,
    private readonly revocation: RevocationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.limits = config.traceStreams;
    this.stopListening = [
      store.subscribe((trace) => this.broadcast(trace)),
      revocation.onChange(() => this.checkAll()),
      clock.onMove(() => this.checkAll()),
    ];
  }

  onModuleDestroy(): void {
    for (const stop of this.stopListening) stop();
    for (const stream of [...this.open]) this.end(stream, 'The server is shutting down.');
  }

  /** A stream for the caller of `request`, or 429 when they already hold as many as allowed. */
  openFor(request: Request): Observable<MessageEvent> {
    const principal = request.user as Principal | undefined;
    const viewer = traceViewerOf(request);
    const session = request.headers[PLAYGROUND_SESSION_HEADER];
    const callerKey = principal
      ? principalKey(principal)
      : typeof session === 'string' && session !== ''
        ? `session:${session}`
        : undefined;
    const address = clientIp(request);
    if (callerKey !== undefined && (this.perCaller.get(callerKey) ?? 0) >= this.limits.maxPerCaller)
      throw tooManyStreams(`You already have ${this.limits.maxPerCaller} trace streams open`);
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxPerAddress)
      throw tooManyStreams(
        `Your network already has ${this.limits.maxPerAddress} trace streams open`,
      );
    // Counted now, not at subscription: parallel requests cannot all slip under the cap. Given
    // back once, when the stream ends or the client leaves, whichever comes first.
    count(this.perAddress, address, +1);
    if (callerKey !== undefined) count(this.perCaller, callerKey, +1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      count(this.perAddress, address, -1);
      if (callerKey !== undefined) count(this.perCaller, callerKey, -1);
    };
    request.res?.once('close', release);

    return new Observable<MessageEvent>((subscriber) => {
      const stream: OpenStream = { viewer, principal, callerKey, address, subscriber };
      this.open.add(stream);
      this.check(stream);
      const heartbeat = setInterval(
        () => subscriber.next({ type: 'heartbeat', data: '' }),
        HEARTBEAT_MS,
      );
      return () => {
        clearInterval(heartbeat);
        clearTimeout(stream.expiry);
        this.open.delete(stream);
        release();
      };
    });
  }

  /** Streams open now (tests and the bench read it). */
  get size(): number {
    return this.open.size;
  }

  private broadcast(trace: StoredTrace): void {
    if (this.open.size === 0) {
      this.checkAfter.delete(trace.id);
      return;
    }
    // Built and serialised once for every stream that may see it, whatever their number.
    let data: string | undefined;
    const revoking = this.checkAfter.delete(trace.id);
    for (const stream of this.open) {
      if (!canSee(stream.viewer, trace)) continue;
      if (!revoking && stream.principal && this.refusal(stream.principal) !== undefined) continue;
      data ??= JSON.stringify(trace.toTrace());
      stream.subscriber.next({ id: trace.id, type: 'trace', data });
    }
    if (revoking) this.checkNow();
  }

  private checkAll(): void {
    const during = currentTrace();
    if (during && this.open.size > 0) {
      this.checkAfter.add(during.id);
      return;
    }
    this.checkNow();
  }

  private checkNow(): void {
    for (const stream of [...this.open]) this.check(stream);
  }

  /** Ends the stream if its token is no longer honoured; otherwise waits for the token's expiry. */
  private check(stream: OpenStream): void {
    const principal = stream.principal;
    if (!principal) return;
    const refusal = this.refusal(principal);
    if (refusal) return this.end(stream, refusal);
    clearTimeout(stream.expiry);
    const untilExpiry = principal.expiresAt * 1000 - this.clock.nowMs();
    stream.expiry = setTimeout(() => this.check(stream), Math.min(untilExpiry, MAX_TIMER_MS));
    stream.expiry.unref();
  }

  private refusal(principal: Principal): string | undefined {
    if (principal.expiresAt <= this.clock.nowSeconds()) return 'The access token has expired.';
    try {
      return this.revocation.refusal({
        principal: principalKey(principal),
        jti: principal.tokenId,
        sessionId: principal.kind === 'user' ? principal.sessionId : undefined,
        version: principal.tokenVersion,
      })
        ? 'The access token has been revoked.'
        : undefined;
    } catch {
      // The view may have missed a revocation: no stream is honoured until it is resynchronised.
      return 'Token revocation state is being resynchronised; reconnect in a moment.';
    }
  }

  private end(stream: OpenStream, reason: string): void {
    if (!this.open.delete(stream)) return;
    stream.subscriber.next({ type: 'end', data: reason });
    stream.subscriber.complete();
  }
}

function tooManyStreams(what: string): ApiException {
  return new ApiException(
    429,
    `${what}; close one first, or try again in ${RETRY_AFTER_SECONDS} s.`,
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

function count(counts: Map<string, number>, key: string, change: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + change;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
