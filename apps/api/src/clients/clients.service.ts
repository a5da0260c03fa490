import { Injectable } from '@nestjs/common';
import {
  CLIENT_ID_PATTERN,
  type ApiClientView,
  type RegisterClientRequest,
  type RegisteredApiClient,
} from '@authlab/shared';
import { RevocationService } from '../auth/revocation/revocation.service.js';
import { ApiException } from '../common/errors/api-exception.js';
import {
  clientSecretMatches,
  hashClientSecret,
  newClientId,
  newClientSecret,
} from './client-credentials.js';
import { ClientsRepository, type ApiClientRecord } from './clients.repository.js';

function view({ clientId, name, scope, createdAt, revokedAt }: ApiClientRecord): ApiClientView {
  return { clientId, name, scope, createdAt, revokedAt };
}

/** Machine clients: registered and revoked by admins, authenticated at the token endpoint. */
@Injectable()
export class ClientsService {
  /** Compared against when the client id is unknown, so that answer costs the same work. */
  private readonly unknownClientHash = hashClientSecret(newClientSecret());

  constructor(
    private readonly clients: ClientsRepository,
    private readonly revocation: RevocationService,
  ) {}

  async register(adminId: number, request: RegisterClientRequest): Promise<RegisteredApiClient> {
    const clientSecret = newClientSecret();
    const record = await this.clients.insert({
      id: newClientId(),
      name: request.name,
      secretHash: hashClientSecret(clientSecret),
      scope: request.scope,
      createdBy: adminId,
    });
    return { ...view(record), clientSecret };
  }

  async list(): Promise<ApiClientView[]> {
    return (await this.clients.list()).map(view);
  }

  /** No new tokens, and the ones it holds stop working at once (its token version is raised). */
  async revoke(clientId: string): Promise<void> {
    const version = await this.clients.revoke(clientId);
    if (version !== undefined) return this.revocation.raiseVersion(`client:${clientId}`, version);
    if (!(await this.clients.findById(clientId)))
      throw new ApiException(404, `No client has id ${clientId}.`);
    // Already revoked: revoking again changes nothing.
  }

  /** The active client these credentials prove, or undefined; the same work whether or not the id exists. */
  async authenticate(clientId: string, secret: string): Promise<ApiClientRecord | undefined> {
    const client = CLIENT_ID_PATTERN.test(clientId)
      ? await this.clients.findById(clientId)
      : undefined;
    const matches = clientSecretMatches(client?.secretHash ?? this.unknownClientHash, secret);
    return client && matches && client.revokedAt === null ? client : undefined;
  }
}
