import { describe, expect, it } from 'vitest';
import { initialAssets } from '../src/suites/bundle-size.js';

describe('initialAssets', () => {
  it('counts entry scripts, module preloads and stylesheets, not icons', () => {
    const html = `<head>
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">
    </head>`;
    expect(initialAssets(html)).toEqual({
      js: ['/assets/index-a.js', '/assets/vendor-b.js'],
      css: ['/assets/index-c.css'],
    });
  });
});
