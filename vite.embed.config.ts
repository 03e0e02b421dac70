import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { dropExtractedCss, eagerImports, keepZodOffGlobalThis } from './vite.embed-plugins.ts';
import { embedCatalogueData, linguiPlugins } from './vite.lingui.ts';
import { MODERN_BUILDS } from './vite.modern-builds.ts';
import { pinnedEmbedCopy } from './vite.pinned-embed.ts';
import { precompress } from './vite.precompress.ts';
import { reactBindings } from './vite.react-bindings.ts';

// The portal module: one ES file with React, the CSS and the English messages inside, and a copy
// named by its content for portals that pin a version. Each other locale's catalogues are JSON
// files in assets/ beside it, which the module fetches relative to its own URL when it speaks
// them, checked against the integrity values it holds (embedCatalogueData in vite.lingui.ts).
export default defineConfig({
  plugins: [
    embedCatalogueData(),
    linguiPlugins(),
    react(),
    reactBindings(),
    eagerImports(),
    keepZodOffGlobalThis(),
    dropExtractedCss(),
    pinnedEmbedCopy(),
    precompress(),
  ],
  publicDir: false,
  resolve: {
    // The app's on-demand loaders, for modules this one file already holds (src/app/*.eager.ts).
    alias: [
      ...['use-editor-module', 'use-below-form'].map((name) => ({
        find: `./${name}`,
        replacement: fileURLToPath(new URL(`./src/app/${name}.eager.ts`, import.meta.url)),
      })),
      ...MODERN_BUILDS,
    ],
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => 'konpro-webhook-editor.js',
    },
    rolldownOptions: {
      // The annotations (/* @__PURE__ */ and the like) have done their work once this file is
      // bundled and minified: about 0.4 kB brotli of comments a browser only skips.
      output: {
        minify: true,
        comments: { annotation: false, jsdoc: false },
      },
    },
  },
});
