import express, { type RequestHandler } from 'express';
import { inOwnWordsIfCorrupt, PROTOTYPE_KEY_ERROR } from './body-errors.js';
import { BODY_LIMIT, PROTOTYPE_KEYS } from './json-body.js';

/** A parsed form: one string per field, or every value of a field that was sent more than once. */
export type FormBody = Record<string, string | string[]>;

/**
 * Parses an application/x-www-form-urlencoded body with the WHATWG parser (the format RFC 6749
 * §4.4.2 names; `+` is a space) into an object without a prototype. Repeated fields are kept
 * as lists so the route can refuse them (RFC 6749 §3.2), and prototype keys are refused here,
 * as in JSON bodies.
 */
export function parseForm(text: string): FormBody {
  const form = Object.create(null) as FormBody;
  for (const [key, value] of new URLSearchParams(text)) {
    if (PROTOTYPE_KEYS.has(key)) {
      throw Object.assign(new SyntaxError(`${PROTOTYPE_KEY_ERROR} "${key}"`), {
        type: 'entity.parse.failed',
        status: 400,
      });
    }
    const previous = form[key];
    form[key] =
      previous === undefined
        ? value
        : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return form;
}

/** Reads a form body, at most 100 kB like JSON bodies; other media types are left alone. */
export function formBodyParser(): RequestHandler {
  const readText = express.text({ type: 'application/x-www-form-urlencoded', limit: BODY_LIMIT });
  return (request, response, next) => {
    readText(request, response, (error?: unknown) => {
      if (error) return next(inOwnWordsIfCorrupt(error, request.headers['content-encoding']));
      if (typeof request.body !== 'string') return next();
      try {
        request.body = parseForm(request.body);
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
  };
}
