// `npm run build:package`: builds the npm package `konpro-webhook-editor` and packs it into
// dist/package/konpro-webhook-editor.tgz, installable with `npm install ./konpro-webhook-editor.tgz`.
//   .  and ./element  the embed module, built by vite.embed.config.ts as `npm run build:embed` does
//   ./react           src/react.tsx, React from the portal (package/vite.react.config.ts)
//   ./server          server/forwarder/editor-api.ts for Node 20 (package/vite.server.config.ts)
// and one bundled .d.ts per entry. The package's own files are written to dist/package/contents.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { renameSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { dts } from 'rolldown-plugin-dts';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/package');
const work = join(out, 'build');
const contents = join(out, 'contents');
const TARBALL = join(out, 'konpro-webhook-editor.tgz');

const ENTRIES = {
  element: 'src/embed.ts',
  react: 'src/react.tsx',
  server: 'server/forwarder/editor-api.ts',
};
const REACT_RANGE = '^18.3.0 || ^19.0.0';

const started = Date.now();
const step = (message) => console.log(`build:package  ${message}`);
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

for (const [name, source] of Object.entries(ENTRIES)) {
  if (!existsSync(join(root, source))) {
    throw new Error(`the ${name} entry's source ${source} is missing`);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(contents, 'dist'), { recursive: true });

step('element: the embed module (vite.embed.config.ts)');
await build({
  root,
  configFile: join(root, 'vite.embed.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(work, 'element'), emptyOutDir: true },
});
copyFileSync(join(work, 'element/konpro-webhook-editor.js'), join(contents, 'dist/element.js'));
// Each other locale's catalogues, which element.js fetches from ./assets/ when it speaks them.
mkdirSync(join(contents, 'dist/assets'));
for (const file of readdirSync(join(work, 'element/assets'))) {
  if (/^locale-.+\.(?:js|json)$/.test(file)) {
    copyFileSync(join(work, 'element/assets', file), join(contents, 'dist/assets', file));
  }
}

step('react: the component, React from the portal (package/vite.react.config.ts)');
await build({ root, configFile: join(root, 'package/vite.react.config.ts') });
cpSync(join(work, 'react'), join(contents, 'dist'), { recursive: true });

step('server: the handler for Node 20 (package/vite.server.config.ts)');
await build({ root, configFile: join(root, 'package/vite.server.config.ts') });
copyFileSync(join(work, 'server/server.js'), join(contents, 'dist/server.js'));

step('types: one bundled .d.ts per entry (rolldown-plugin-dts)');
const types = await rolldown({
  // Absolute paths: the plugin names each .d.ts after its input only when it can match them.
  input: Object.fromEntries(
    Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)]),
  ),
  cwd: root,
  // Anything from node_modules stays an import, so a type leaking zod or hono shows (and fails
  // `npm run check:package`) instead of being copied in.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [
    dts({
      emitDtsOnly: true,
      tsconfig: join(root, 'tsconfig.json'),
      compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true },
    }),
  ],
  logLevel: 'warn',
  checks: { pluginTimings: false },
});
await types.write({
  dir: join(contents, 'dist'),
  format: 'es',
  chunkFileNames: 'chunks/[name]-[hash].js',
});
await types.close();

step('package.json, README.md');
const entry = (name) => ({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
const manifest = {
  name: 'konpro-webhook-editor',
  version: rootPackage.version,
  description:
    "Konpro's webhook endpoint editor for your developer portal: a custom element, a React " +
    'component and the backend handler that holds your Konpro key.',
  keywords: ['konpro', 'webhooks', 'react', 'custom-element', 'hono'],
  type: 'module',
  exports: {
    '.': entry('element'),
    './element': entry('element'),
    './react': entry('react'),
    './server': entry('server'),
    './package.json': './package.json',
  },
  files: ['dist', 'README.md', ...(existsSync(join(root, 'LICENSE')) ? ['LICENSE'] : [])],
  // Importing the element entry defines <konpro-webhook-editor>.
  sideEffects: ['./dist/element.js'],
  engines: { node: '>=20.19' },
  // Only the React entry needs React; the element and the server entry do not.
  peerDependencies: { react: REACT_RANGE, 'react-dom': REACT_RANGE },
  peerDependenciesMeta: { react: { optional: true }, 'react-dom': { optional: true } },
};
if (rootPackage.license) manifest.license = rootPackage.license;
writeFileSync(join(contents, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(root, 'package/README.md'), join(contents, 'README.md'));
if (existsSync(join(root, 'LICENSE')))
  copyFileSync(join(root, 'LICENSE'), join(contents, 'LICENSE'));

step('npm pack');
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: contents,
    encoding: 'utf8',
  }),
);
renameSync(join(out, packed.filename), TARBALL);
rmSync(work, { recursive: true, force: true });

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
step(
  `${TARBALL.slice(root.length)}: ${packed.entryCount} files, ${kb(packed.size)} packed, ` +
    `${kb(packed.unpackedSize)} unpacked, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
