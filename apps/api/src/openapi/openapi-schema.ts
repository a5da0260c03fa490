import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI form of a request schema, so the document shows exactly what the pipe enforces. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as SchemaObject;
}
