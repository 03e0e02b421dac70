import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { deepLinkPage } from './vite.deep-link-page.ts';
import { precompress } from './vite.precompress.ts';

export default defineConfig({
  plugins: [react(), deepLinkPage(), precompress()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev` serves the app with hot reload; run `npm run dev:server` beside it for /api.
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
        },
      },
    ],
  },
});
