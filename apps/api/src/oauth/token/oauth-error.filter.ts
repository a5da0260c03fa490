import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { OAuthErrorBody } from '@authlab/shared';
import { currentTrace } from '../../trace/trace-context.js';
import { OAuthError } from './oauth-error.js';

/** Writes OAuthErrors of the token endpoint; anything else falls through to the global filter. */
@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(exception: OAuthError, host: ArgumentsHost): void {
    const end = currentTrace()?.begin('OAuthErrorFilter', 'filter');
    const response = host.switchToHttp().getResponse<Response>();
    const body: OAuthErrorBody = {
      error: exception.error,
      error_description: exception.description,
    };
    end?.({
      outcome: 'deny',
      reason: `Answered ${exception.status} ${exception.error}: ${exception.description}`,
    });
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    response.status(exception.status).json(body);
  }
}
