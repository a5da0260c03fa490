import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI form of a request schema, so the document shows exactly what the pipe enforces. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as SchemaObject;
}

/**
 * The OpenAPI form of a response schema from packages/shared: what the API sends, strictly (no
 * property the schema does not name), so the contract test fails on any field added unannounced.
 */
export function openApiResponseSchema(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as SchemaObject;
}
