import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { deepLinkPage } from './vite.deep-link-page.ts';
import { minifyHtml } from './vite.minify-html.ts';
import { linguiPlugins, localeChunkFileNames } from './vite.lingui.ts';
import { localizedPages } from './vite.localized-pages.ts';
import { MODERN_BUILDS } from './vite.modern-builds.ts';
import { precompress } from './vite.precompress.ts';
import { reactBindings } from './vite.react-bindings.ts';

/** The entry's own files, named after index.html. */
const ENTRY_FILE = /^assets\/index-[\w-]+\.(?:js|css)$/;

const REACT_18 = [
  { find: /^react$/, replacement: 'react-18' },
  { find: /^react\/(.*)$/, replacement: 'react-18/$1' },
  { find: /^react-dom$/, replacement: 'react-dom-18' },
  { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
];

export default defineConfig({
  plugins: [
    linguiPlugins(),
    react(),
    reactBindings(),
    minifyHtml(),
    deepLinkPage(),
    localizedPages(),
    precompress(),
  ],
  resolve: { alias: MODERN_BUILDS },
  build: {
    // Every browser of the build's target preloads modules itself; without the polyfill a
    // browser that cannot only fetches the editor's chunk a little later.
    modulePreload: {
      polyfill: false,
      // A chunk imported on demand never needs the entry's script or style sheet preloaded: they
      // ran before anything could import it. Listing them again costs bytes in the importer.
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'js' ? deps.filter((dep) => !ENTRY_FILE.test(dep)) : deps,
    },
    rolldownOptions: {
      output: {
        // A locale's catalogue of one area, named so (`locale-de-editor-…js`) for check:size.
        chunkFileNames: localeChunkFileNames('assets'),
      },
    },
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
          // The slowest tests render the whole editor or a 230-row list in jsdom: up to 2.2 s
          // each on an idle machine, and about 4x that beside a CPU-heavy process on two cores.
          testTimeout: 15_000,
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/app/react-18.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: REACT_18 },
        test: {
          // A portal may bring React 18.3: the mount path, the React component and the save flow
          // run on it too (the
          // rest of the app's tests pass there as well, at twice the run time).
          name: 'react-18',
          environment: 'jsdom',
          testTimeout: 15_000,
          include: [
            'src/app/react-18.test.tsx',
            'src/react.test.tsx',
            'src/features/endpoint-editor/endpoint-editor.test.tsx',
          ],
          setupFiles: ['src/test/react-18-setup.ts'],
          // Inlined, so the alias reaches the `react` these packages import (Node's ESM loader
          // would otherwise resolve it to React 19 on its own).
          server: {
            deps: { inline: ['@tanstack/react-query', 'react-hook-form', '@lingui/react'] },
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // Real sockets and deadlines of about 1 to 2 s (a stalled upstream, a slow write):
          // budgeted at about 4x the idle time, as for the app's tests.
          testTimeout: 10_000,
          include: ['server/**/*.test.ts'],
          // One throwaway PostgreSQL for the run: the store's tests use a real one.
          globalSetup: ['server/test-support/postgres-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The wire contract runs in the page and on the server alike; its tests need no DOM.
          name: 'contract',
          environment: 'node',
          // The URL rule's property test parses 50,000 generated URLs.
          testTimeout: 15_000,
          include: ['contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The project's own tooling: npm start's build check, the browser tests' port.
          name: 'tooling',
          environment: 'node',
          include: ['scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
          // One test loads Playwright's runner (`playwright test --list`): about 4 s when idle.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
