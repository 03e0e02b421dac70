import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../../vite.precompress.ts';

// Built by `npm run bench` with the app's Vite and React plugin, to dist-bench/baseline, and
// precompressed alike, so the same server sends both pages the same way.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench/baseline', import.meta.url)),
    emptyOutDir: true,
  },
});
