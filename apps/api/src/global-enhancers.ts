import type { CanActivate, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtAuthGuard } from './auth/authentication/jwt-auth.guard.js';
import { RolesGuard } from './auth/authorization/roles.guard.js';
import { RevocationGuard } from './auth/revocation/revocation.guard.js';
import { CsrfGuard } from './auth/sessions/csrf/csrf.guard.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import type { AppConfig } from './config/app-config.js';
import { CsrfNarration } from './trace/narration/csrf.narration.js';
import { JwtAuthNarration } from './trace/narration/jwt-auth.narration.js';
import { RevocationNarration } from './trace/narration/revocation.narration.js';
import { RolesNarration } from './trace/narration/roles.narration.js';
import { tracedGuard, type GuardNarration } from './trace/traced-guard.js';
import { TracingInterceptor } from './trace/tracing.interceptor.js';

/**
 * Every global guard, interceptor and filter, listed in the order a request meets them (the
 * middleware chain runs before all of these; see common/http/middleware-chain.ts). Nest runs
 * global enhancers of one kind in the order they are registered, so this list is the order.
 */
export function globalEnhancers(config: AppConfig): Provider[] {
  // Guards decide; with tracing on, each is registered with its narration beside it (trace/).
  const guard = (decides: Type<CanActivate>, narration: Type<GuardNarration>) =>
    config.tracing.enabled ? tracedGuard(decides, narration) : decides;
  return [
    // Guards: who is calling, whether the token is still honoured, whether a cookie-borne
    // request really comes from this site, then what the caller may do.
    { provide: APP_GUARD, useClass: guard(JwtAuthGuard, JwtAuthNarration) },
    { provide: APP_GUARD, useClass: guard(RevocationGuard, RevocationNarration) },
    { provide: APP_GUARD, useClass: guard(CsrfGuard, CsrfNarration) },
    { provide: APP_GUARD, useClass: guard(RolesGuard, RolesNarration) },
    // With tracing off there is nothing for the interceptor to time, and Nest skips its whole
    // interceptor pipeline (an RxJS chain per request) only when no interceptor is registered.
    // The route catalogue then lists none, which is true.
    ...(config.tracing.enabled ? [{ provide: APP_INTERCEPTOR, useClass: TracingInterceptor }] : []),
    // Pipes are per argument (@Body(pipe)); none is global. Last, the one error shape.
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ];
}
