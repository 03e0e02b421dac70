import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dropExtractedCss, keepZodOffGlobalThis } from '../vite.embed-plugins.ts';
import { linguiPlugins, localeChunkFileNames } from '../vite.lingui.ts';
import { MODERN_BUILDS } from '../vite.modern-builds.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// `konpro-webhook-editor/react`: the component for React portals. React comes from the portal (one
// copy on the page); everything else the editor needs is inside, its styles included by the entry.
// The portal's bundler minifies and picks React's production build, so this output stays readable
// and keeps `process.env.NODE_ENV` for it to decide. The editor module stays a chunk of its own:
// the list needs none of it, and the portal's bundler loads it when an endpoint opens.
export default defineConfig({
  root,
  plugins: [linguiPlugins(), react(), keepZodOffGlobalThis(), dropExtractedCss()],
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: MODERN_BUILDS },
  build: {
    outDir: 'dist/package/build/react',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: { react: 'src/react.tsx' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: [/^react(-dom)?(\/|$)/],
      output: { chunkFileNames: localeChunkFileNames('chunks') },
    },
  },
});
