import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** The files the browser fetches before the page can run: entry scripts, modulepreloads, stylesheets. */
  jsFiles: string[];
  cssFiles: string[];
  /** Bytes, raw and gzipped (zlib's default level, as Vite's build report). */
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
}

/** Lazy chunks (dynamic imports) are not in index.html, so they do not count as initial. */
export function initialAssets(html: string): { js: string[]; css: string[] } {
  const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const js = tags
    .filter((tag) => /^<script\b/.test(tag) && /type="module"/.test(tag))
    .map((tag) => attribute(tag, 'src'));
  const preloads = tags
    .filter((tag) => /rel="modulepreload"/.test(tag))
    .map((tag) => attribute(tag, 'href'));
  const css = tags
    .filter((tag) => /rel="stylesheet"/.test(tag))
    .map((tag) => attribute(tag, 'href'));
  const present = (values: Array<string | undefined>) =>
    values.filter((value): value is string => Boolean(value));
  return { js: present([...js, ...preloads]), css: present(css) };
}

export function measureBundle(distDir: string): BundleSize {
  const assets = initialAssets(readFileSync(path.join(distDir, 'index.html'), 'utf8'));
  const sizes = (files: string[]) =>
    files.reduce(
      (total, file) => {
        const bytes = readFileSync(path.join(distDir, file.replace(/^\//, '')));
        return { raw: total.raw + bytes.length, gzip: total.gzip + gzipSync(bytes).length };
      },
      { raw: 0, gzip: 0 },
    );
  const js = sizes(assets.js);
  const css = sizes(assets.css);
  return {
    jsFiles: assets.js,
    cssFiles: assets.css,
    js: js.raw,
    jsGzip: js.gzip,
    css: css.raw,
    cssGzip: css.gzip,
  };
}
