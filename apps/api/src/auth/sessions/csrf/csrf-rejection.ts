import { ApiException } from '../../../common/errors/api-exception.js';

/** 403 for a cookie-borne state-changing request that cannot prove it came from this site. */
export class CsrfRejection extends ApiException {
  constructor(readonly refusal: string) {
    super(403, `The CSRF check failed: ${refusal}.`);
  }
}
