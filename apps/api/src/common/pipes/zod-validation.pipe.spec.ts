import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiException } from '../errors/api-exception.js';
import { validBody, validParam, type ZodValidationPipe } from './zod-validation.pipe.js';

const articleSchema = z.strictObject(
  {
    title: z.string().trim().min(1, 'must not be empty'),
    tags: z.array(z.string('must be text')).default([]),
  },
  { error: 'must be a JSON object' },
);

function exceptionOf(pipe: ZodValidationPipe<z.ZodType>, value: unknown): ApiException {
  try {
    pipe.transform(value);
  } catch (error) {
    if (error instanceof ApiException) return error;
    throw error;
  }
  throw new Error('expected the pipe to refuse the value');
}

describe('ZodValidationPipe', () => {
  it('hands the handler the parsed value, with transforms and defaults applied', () => {
    expect(validBody(articleSchema).transform({ title: '  Tokens  ' })).toEqual({
      title: 'Tokens',
      tags: [],
    });
  });

  it('answers 400 and names each failing field in the message and the details', () => {
    const exception = exceptionOf(validBody(articleSchema), { title: ' ', tags: ['jwt', 7] });
    expect(exception.getStatus()).toBe(400);
    expect(exception.message).toBe(
      'Invalid request body: title must not be empty; tags.1 must be text',
    );
    expect(exception.details).toEqual([
      { path: 'title', message: 'must not be empty' },
      { path: 'tags.1', message: 'must be text' },
    ]);
  });

  it('names unknown fields instead of passing them through', () => {
    const exception = exceptionOf(validBody(articleSchema), {
      title: 'Tokens',
      role: 'admin',
      isAdmin: true,
    });
    expect(exception.details).toEqual([
      { path: '(root)', message: 'unknown fields: role, isAdmin' },
    ]);
    expect(exception.message).toBe('Invalid request body: unknown fields: role, isAdmin');
  });

  it('says "field" for a single unknown field', () => {
    expect(
      exceptionOf(validBody(articleSchema), { title: 'Tokens', role: 'admin' }).details,
    ).toEqual([{ path: '(root)', message: 'unknown field: role' }]);
  });

  it('reports a value of the wrong shape at the root', () => {
    const exception = exceptionOf(validBody(articleSchema), 'title=Tokens');
    expect(exception.message).toBe('Invalid request body: must be a JSON object');
    expect(exception.details).toEqual([{ path: '(root)', message: 'must be a JSON object' }]);
  });

  it('names the route parameter it validates', () => {
    const idSchema = z.coerce.number().int().positive('must be a positive integer');
    expect(validParam(idSchema, 'id').transform('12')).toBe(12);
    expect(exceptionOf(validParam(idSchema, 'id'), '-3').message).toBe(
      'Invalid route parameter "id": must be a positive integer',
    );
  });
});
