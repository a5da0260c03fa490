import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { openApiResponseSchema } from './openapi-schema.js';

/** Marks an operation whose answers may carry Set-Cookie (cookie mode); read by complete-document.ts. */
export const SETS_COOKIES = 'x-authlab-sets-cookies';

/**
 * A success answer of a route, its body described by the zod schema in packages/shared that the
 * handler's return type comes from. `schema: null` for an answer without a body (204).
 */
export function ApiAnswer(
  status: number,
  schema: z.ZodType | null,
  description: string,
  options: { example?: unknown; setsCookies?: boolean } = {},
): MethodDecorator & ClassDecorator {
  const content = schema && {
    'application/json': {
      schema: openApiResponseSchema(schema),
      ...(options.example !== undefined && { example: options.example }),
    },
  };
  return applyDecorators(
    ApiResponse({ status, description, ...(content && { content }) }),
    ...(options.setsCookies ? [ApiExtension(SETS_COOKIES, true)] : []),
  );
}

/**
 * The errors a route gives of its own (a missing article, a taken username, a throttle), in
 * words. Their body (the one error shape) and headers are added from the route's metadata, as
 * are the errors its guards, pipes and middleware give (complete-document.ts): list only these.
 */
export function ApiErrors(
  errors: Readonly<Record<number, string>>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description }),
    ),
  );
}
