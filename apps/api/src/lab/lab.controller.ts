import { Controller, Get, Headers, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../auth/decorators/public.decorator.js';
import { parseBearerHeader } from '../auth/authentication/bearer-token.js';
import { ApiException } from '../common/errors/api-exception.js';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  TRACE_FACTS,
  labExerciseSummarySchema,
  jsonWebKeySetSchema,
  labPemKeySchema,
  labTokenSchema,
  labVerdictSchema,
} from '@authlab/shared';
import { CLOCK, type Clock } from '../clock/clock.js';
import { bearerChallenge } from '../auth/authentication/bearer-challenge.js';
import { currentTrace } from '../trace/trace-context.js';
import { tracedTokenFacts } from '../trace/token-fingerprint.js';
import { IssuedLabTokens } from './issued-lab-tokens.js';
import { LAB_EXERCISES, type LabExercise } from './lab-exercises.js';
import { LAB_KEYS } from './lab-keys.js';
import { LoopbackOnlyGuard } from './loopback-only.guard.js';
import type { LabKeys } from './verifiers/verifier.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

const exerciseIds = LAB_EXERCISES.map((exercise) => exercise.id) as [string, ...string[]];
const exerciseParam = new ZodValidationPipe(z.enum(exerciseIds), 'exercise');
const variantParam = new ZodValidationPipe(z.enum(['weak', 'secure']), 'variant');

/**
 * The attack-and-defend lab: each exercise has a deliberately weak verifier and a secure one,
 * so one forged token can be sent to both and the two traces compared. Only in lab mode, only
 * from this machine. Routes are @Public() because each verifier is the thing being studied.
 */
@ApiTags('lab')
@Public()
@UseGuards(LoopbackOnlyGuard)
@ApiErrors({
  404: 'Asked from another machine: the lab answers only on loopback, as if it were not there.',
})
@Controller('lab')
export class LabController {
  constructor(
    @Inject(LAB_KEYS) private readonly keys: LabKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly issued: IssuedLabTokens,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The lab exercises, each with a weak and a secure verifier' })
  @ApiAnswer(200, z.array(labExerciseSummarySchema), 'The exercises')
  exercises() {
    return LAB_EXERCISES.map(({ id, title, flaw, fix }) => ({
      id,
      title,
      flaw,
      fix,
      token: `POST /api/lab/${id}/token`,
      weak: `GET /api/lab/${id}/weak`,
      secure: `GET /api/lab/${id}/secure`,
    }));
  }

  @Get('attacker/jwks.json')
  @ApiOperation({ summary: "The attacker's public key set (for the jku exercise)" })
  @ApiAnswer(200, jsonWebKeySetSchema, 'The attacker’s JWKS')
  attackerJwks() {
    const jwk = this.keys.attacker.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keys.attacker.kid, alg: 'ES256', use: 'sig' }] };
  }

  @Get('attacker/private-key')
  @ApiOperation({ summary: "The attacker's private key, PEM (sign your forged jku token with it)" })
  @ApiAnswer(200, labPemKeySchema, 'The attacker’s private key, PKCS#8 PEM')
  attackerPrivateKey() {
    return {
      pem: this.keys.attacker.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      kid: this.keys.attacker.kid,
    };
  }

  @Get('jwks-issuer/jwks.json')
  @ApiOperation({
    summary:
      'The RS256 issuer key set: its key published only as a JWK (the algorithm-confusion-jwk exercise)',
  })
  @ApiAnswer(200, jsonWebKeySetSchema, 'The lab issuer’s JWKS')
  jwksIssuerJwks() {
    const jwk = this.keys.jwksIssuer.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keys.jwksIssuer.kid, alg: 'RS256', use: 'sig' }] };
  }

  @Get('issuer/public-key')
  @ApiOperation({
    summary: 'The lab issuer public key, PEM (public on purpose: the algorithm-confusion exercise)',
  })
  @ApiAnswer(200, labPemKeySchema, 'The lab issuer’s public key, SPKI PEM')
  issuerPublicKey() {
    return { pem: this.keys.issuer.publicPem, kid: this.keys.issuer.kid };
  }

  @Post(':exercise/token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A legitimate token for the exercise, as its issuer hands it out; forge from it',
  })
  @ApiAnswer(200, labTokenSchema, 'A legitimate token')
  token(@Param('exercise', exerciseParam) id: string) {
    const token = this.exercise(id).issue(this.keys, this.config, this.clock.nowSeconds());
    this.issued.remember(token);
    return { token };
  }

  @Get(':exercise/:variant')
  @ApiOperation({
    summary: 'Send a token (Authorization: Bearer) to the weak or the secure verifier',
  })
  @ApiAnswer(200, labVerdictSchema, 'The verifier accepted the token')
  @ApiErrors({ 401: 'No token was sent, or the verifier refused it (the reason says why).' })
  verify(
    @Param('exercise', exerciseParam) id: string,
    @Param('variant', variantParam) variant: 'weak' | 'secure',
    @Headers('authorization') authorization: string | undefined,
  ) {
    const header = parseBearerHeader(authorization);
    if (header.kind !== 'token')
      throw new ApiException(401, 'Send a token: Authorization: Bearer <token>.', {
        'WWW-Authenticate': bearerChallenge(),
      });
    const exercise = this.exercise(id);
    const verdict = exercise[variant](header.token, this.keys, this.clock.nowSeconds());
    // What the lesson checks read: which token (by fingerprint), as the verifier saw it, the
    // verdict, the checks it ran or skipped, and whether its clock had been moved.
    const trace = currentTrace();
    trace?.noteHandlerFacts({
      ...tracedTokenFacts(header.token),
      [TRACE_FACTS.tokenIssued]: this.issued.issued(header.token),
      [TRACE_FACTS.labVerifier]: variant,
      [TRACE_FACTS.labVerdict]: verdict.accepted ? 'accepted' : 'refused',
      [TRACE_FACTS.apiClock]: this.clock.offsetSeconds === 0 ? 'real' : 'simulated',
    });
    if (verdict.checks) trace?.noteHandlerChecks(verdict.checks);
    if (!verdict.accepted) {
      // RFC 9110 §11.6.1: a 401 carries a challenge; the reason stays in the body (it may hold quotes).
      throw new ApiException(401, `${variant} verifier: ${verdict.reason}`, {
        'WWW-Authenticate': bearerChallenge({ error: 'invalid_token' }),
      });
    }
    return {
      exercise: id,
      variant,
      verdict: 'accepted',
      reason: verdict.reason,
      claims: verdict.claims,
    };
  }

  private exercise(id: string): LabExercise {
    return LAB_EXERCISES.find((exercise) => exercise.id === id)!;
  }
}
