import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

// `konpro-webhook-editor/server`: the handler a portal's backend mounts, for Node 20 and other
// runtimes with Web-standard Request and Response. Hono and zod are bundled in, so installing the
// package adds no dependency to the portal's tree; only `node:` built-ins stay imports.
export default defineConfig({
  root,
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
