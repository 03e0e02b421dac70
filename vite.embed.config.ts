import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { pinnedEmbedCopy } from './vite.pinned-embed.ts';
import { precompress } from './vite.precompress.ts';

/**
 * zod keeps its config and schema registry on globalThis so that copies of it can share them.
 * Inside someone else's page that would be two globals of ours; a module-local object will do.
 */
function keepZodOffGlobalThis(): Plugin {
  return {
    name: 'keep-zod-off-globalthis',
    transform(code, id) {
      if (!/zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/.test(id)) return null;
      return `const zodScope = {};\n${code.replaceAll('globalThis', 'zodScope')}`;
    },
  };
}

/**
 * The editor's chunk imports its styles for the standalone page; here every style is inside the
 * module (src/embed.ts), so the sheet the library build extracts beside it is never loaded.
 */
function dropExtractedCss(): Plugin {
  return {
    name: 'drop-extracted-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle))
        if (name.endsWith('.css')) Reflect.deleteProperty(bundle, name);
    },
  };
}

// The portal module: one ES file with React and the CSS inside, no chunks to fetch, and a copy
// named by its content for portals that pin a version.
export default defineConfig({
  plugins: [react(), keepZodOffGlobalThis(), dropExtractedCss(), pinnedEmbedCopy(), precompress()],
  publicDir: false,
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
      output: { codeSplitting: false, minify: true, comments: { annotation: false, jsdoc: false } },
    },
  },
});
