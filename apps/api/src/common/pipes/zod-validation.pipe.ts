import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { FieldIssue } from '@authlab/shared';
import { currentTrace } from '../../trace/trace-context.js';
import { ApiException } from '../errors/api-exception.js';

/**
 * Validates one argument (a body, a route parameter) against a schema from @authlab/shared and
 * hands the handler the parsed value, so handlers only ever see data of the declared shape.
 */
@Injectable()
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(
    private readonly schema: Schema,
    readonly what = 'request body',
  ) {}

  transform(value: unknown): z.output<Schema> {
    const end = currentTrace()?.begin(`ZodValidationPipe(${this.what})`, 'pipe');
    const result = this.schema.safeParse(value);
    if (result.success) {
      end?.({ outcome: 'pass', reason: `The ${this.what} matches its schema.` });
      return result.data;
    }
    const details: FieldIssue[] = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
          : issue.message,
    }));
    const summary = details
      .map((d) => (d.path === '(root)' ? d.message : `${d.path} ${d.message}`))
      .join('; ');
    // Paths and messages only: the values themselves (a password, say) never enter the trace.
    end?.({
      outcome: 'deny',
      reason: `Invalid ${this.what}: ${summary} (400).`,
      checks: details.map((issue) => ({ name: issue.path, ok: false, text: issue.message })),
    });
    throw new ApiException(400, `Invalid ${this.what}: ${summary}`, {}, details);
  }
}

/** Shorthand for the body of a request: `@Body(validBody(schema))`. */
export function validBody<Schema extends z.ZodType>(schema: Schema): ZodValidationPipe<Schema> {
  return new ZodValidationPipe(schema, 'request body');
}

/** Shorthand for a route parameter: `@Param('id', validParam(idSchema, 'id'))`. */
export function validParam<Schema extends z.ZodType>(
  schema: Schema,
  name: string,
): ZodValidationPipe<Schema> {
  return new ZodValidationPipe(schema, `route parameter "${name}"`);
}
