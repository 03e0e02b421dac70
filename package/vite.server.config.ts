import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { keepZodOffGlobalThis } from '../vite.embed-plugins.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// `konpro-webhook-editor/server`: the handler a portal's backend mounts, for Node 20 and other
// runtimes with Web-standard Request and Response. Hono and zod are bundled in, so installing the
// package adds no dependency to the portal's tree; only `node:` built-ins stay imports. The
// bundled zod keeps its settings to itself, apart from any zod of the portal's own.
export default defineConfig({
  root,
  plugins: [keepZodOffGlobalThis()],
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'server/forwarder/editor-api.ts',
    outDir: 'dist/package/build/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'server.js' } },
  },
});
