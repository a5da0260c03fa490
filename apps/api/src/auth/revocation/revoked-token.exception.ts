import { InvalidTokenException } from '../authentication/bearer-challenge.js';

/** 401 for a genuine, unexpired token that is no longer honoured; the refusal stays on the server. */
export class RevokedTokenException extends InvalidTokenException {
  constructor(readonly refusal: string) {
    super('The access token has been revoked');
  }
}
