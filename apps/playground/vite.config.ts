import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './plugins/lessons/vite-plugin-lessons.ts';

/** Where `npm run dev` of @authlab/api listens; the dev server forwards API calls there. */
const API_ORIGIN = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    react(),
    lessonsPlugin({ dir: fileURLToPath(new URL('../../docs/lessons', import.meta.url)) }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': API_ORIGIN,
      '/.well-known': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    name: 'components',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'plugins/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
