import { describe, expect, it } from 'vitest';
import { parseForm } from './form-body.js';

describe('parseForm', () => {
  it('decodes a form as RFC 6749 sends it: + is a space, percent-escapes decoded', () => {
    const form = parseForm('grant_type=client_credentials&scope=read+update&note=a%26b%3Dc');
    expect({ ...form }).toEqual({
      grant_type: 'client_credentials',
      scope: 'read update',
      note: 'a&b=c',
    });
    expect(Object.getPrototypeOf(form)).toBeNull();
  });

  it('keeps every value of a repeated field, so the route can refuse it', () => {
    expect({ ...parseForm('scope=read&scope=delete') }).toEqual({ scope: ['read', 'delete'] });
  });

  it.each(['__proto__=x', 'a=1&constructor=x', 'prototype=y', '%5F%5Fproto%5F%5F=x'])(
    'refuses the prototype key in %s',
    (text) => {
      expect(() => parseForm(text)).toThrow(/forbidden key/);
    },
  );
});
