import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  OAUTH_CLIENT_ID_PATTERN,
  type OAuthClientView,
  type RegisteredOAuthClient,
  type RegisterOAuthClientRequest,
} from '@authlab/shared';
import { SessionsService } from '../../auth/sessions/sessions.service.js';
import {
  clientSecretMatches,
  hashClientSecret,
  newClientSecret,
} from '../../clients/client-credentials.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { ApiException } from '../../common/errors/api-exception.js';
import { OAuthClientsRepository, type OAuthClientRecord } from './oauth-clients.repository.js';

function view({ secretHash: _secret, ...client }: OAuthClientRecord): OAuthClientView {
  return client;
}

/** Applications that act for users: registered and revoked by admins, authenticated at the token endpoint. */
@Injectable()
export class OAuthClientsService {
  /** Compared against when the client id is unknown, so that answer costs the same work. */
  private readonly unknownClientHash = hashClientSecret(newClientSecret());

  constructor(
    private readonly clients: OAuthClientsRepository,
    private readonly sessions: SessionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(
    adminId: number,
    request: RegisterOAuthClientRequest,
  ): Promise<RegisteredOAuthClient> {
    // Only a confidential client gets a secret: a public one could not keep it (RFC 6749 §2.1).
    const clientSecret = request.type === 'confidential' ? newClientSecret() : undefined;
    const record = await this.clients.insert({
      id: `app_${randomBytes(16).toString('base64url')}`,
      name: request.name,
      type: request.type,
      secretHash: clientSecret === undefined ? null : hashClientSecret(clientSecret),
      redirectUris: request.redirectUris,
      scope: request.scope,
      createdBy: adminId,
      createdAt: new Date(this.clock.nowMs()).toISOString(),
    });
    return { ...view(record), ...(clientSecret !== undefined && { clientSecret }) };
  }

  async list(): Promise<OAuthClientView[]> {
    return (await this.clients.list()).map(view);
  }

  /** The active client with this id, or undefined. */
  async active(clientId: string): Promise<OAuthClientRecord | undefined> {
    if (!OAUTH_CLIENT_ID_PATTERN.test(clientId)) return undefined;
    const client = await this.clients.findById(clientId);
    return client?.revokedAt === null ? client : undefined;
  }

  /** No new authorizations, and every token it holds for any user stops working at once. */
  async revoke(clientId: string): Promise<void> {
    const revoked = await this.clients.revoke(clientId, new Date(this.clock.nowMs()).toISOString());
    if (!revoked && !(await this.clients.findById(clientId)))
      throw new ApiException(404, `No application has id ${clientId}.`);
    await this.sessions.endForClient(clientId);
  }

  /**
   * The active confidential client these credentials prove, or undefined; the same work whether
   * or not the id exists (as for machine clients).
   */
  async authenticate(clientId: string, secret: string): Promise<OAuthClientRecord | undefined> {
    const client = await this.active(clientId);
    const matches = clientSecretMatches(client?.secretHash ?? this.unknownClientHash, secret);
    return client && client.secretHash !== null && matches ? client : undefined;
  }
}
