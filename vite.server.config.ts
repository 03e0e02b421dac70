import { defineConfig } from 'vite';

// The server is bundled into one file so `node dist/server/main.js` runs without a TypeScript loader;
// packages stay external and load from node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
});
