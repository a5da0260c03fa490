import { describe, expect, it } from 'vitest';
import { originOf } from '../src/profile/summarise-profile.js';

describe('originOf', () => {
  it('names packages, scoped packages, workspace code and node internals', () => {
    expect(originOf('file:///repo/node_modules/express/lib/response.js', 'json')).toBe('express');
    expect(originOf('file:///repo/node_modules/@nestjs/core/router/x.js', 'f')).toBe(
      '@nestjs/core',
    );
    expect(originOf('file:///repo/apps/api/dist/trace/trace.middleware.js', 'f')).toBe('apps/api');
    expect(originOf('node:internal/http', 'f')).toBe('node:internal');
    expect(originOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});
