// `npm run bench:package`: the sizes of the npm package, measured from the packed tarball.
//   - what `konpro-webhook-editor/react` adds to the react-portal example's JavaScript, before an
//     endpoint opens and in total (bench/lib/react-entry-size.mjs, as `npm run check:size`);
//   - where those bytes come from: src/react.tsx built as a portal's production build would build
//     it (minified, React left out), each chunk's brotli bytes shared out among its modules by
//     their rendered length;
//   - the element module (`.` and `/element`), brotli;
//   - what installing the package adds to a backend that uses only `/server`: `npm install` of the
//     tarball into an empty folder.
// Prints them and writes dist/package/sizes.json. Run it after `npm run build:package`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { measureFiles } from '../bench/lib/asset-sizes.mjs';
import { measureReactEntry } from '../bench/lib/react-entry-size.mjs';
import { TARBALL, installExample, root } from './lib/examples.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const log = (line) => console.log(`bench:package  ${line}`);

/** The files under `dir`, and their bytes on disk (as listed, not as allocated). */
function bytesUnder(dir) {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      files += 1;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** Where a module's bytes are counted: its package, or its folder of this repository. */
function groupOf(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (pkg) return pkg[1];
  const path = relative(root, clean);
  if (path.startsWith('src/features/')) return path.split('/').slice(0, 3).join('/');
  if (/\.css$/.test(path)) return 'CSS (src/app/*.css)';
  return path.split('/').slice(0, 2).join('/');
}

/** The React entry's modules, by group, in brotli bytes of the minified production chunks. */
async function reactEntryByModule() {
  const outDir = mkdtempSync(join(tmpdir(), 'konpro-react-entry-'));
  const rendered = {};
  try {
    await build({
      root,
      configFile: join(root, 'package/vite.react.config.ts'),
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { outDir, minify: true },
      plugins: [
        {
          name: 'module-sizes',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              if (chunk.type !== 'chunk') continue;
              rendered[chunk.fileName] = Object.entries(chunk.modules).map(([id, info]) => ({
                group: groupOf(id),
                length: info.renderedLength,
              }));
            }
          },
        },
      ],
    });
    const groups = {};
    for (const [fileName, modules] of Object.entries(rendered)) {
      const { brotli } = measureFiles([join(outDir, fileName)], outDir);
      const length = modules.reduce((sum, module) => sum + module.length, 0);
      for (const module of modules) {
        groups[module.group] = (groups[module.group] ?? 0) + (brotli * module.length) / length;
      }
    }
    return Object.entries(groups)
      .map(([group, bytes]) => ({ group, brotli: Math.round(bytes) }))
      .sort((a, b) => b.brotli - a.brotli);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** `npm install` of the tarball alone into an empty folder: what a backend-only portal gets. */
function serverInstall() {
  const dir = mkdtempSync(join(tmpdir(), 'konpro-server-install-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', TARBALL], {
      cwd: dir,
      stdio: 'ignore',
    });
    const packages = readdirSync(join(dir, 'node_modules')).filter((name) => !name.startsWith('.'));
    const installed = bytesUnder(join(dir, 'node_modules'));
    const serverFile = join(dir, 'node_modules/konpro-webhook-editor/dist/server.js');
    return { packages, ...installed, serverEntry: statSync(serverFile).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const example = await installExample('react-portal');
let reactEntry;
let element;
try {
  reactEntry = await measureReactEntry(example.dir);
  const elementFile = join(example.dir, 'node_modules/konpro-webhook-editor/dist/element.js');
  element = measureFiles([elementFile], example.dir);
} finally {
  example.remove();
}
const byModule = await reactEntryByModule();
const server = serverInstall();

const { withEditor, withoutEditor, added } = reactEntry;
log('konpro-webhook-editor/react in the react-portal example (JavaScript, brotli):');
log(
  `  before an endpoint opens  ${kb(withoutEditor.initial.brotli)} without the editor, ` +
    `${kb(withEditor.initial.brotli)} with it: +${kb(added.initial)}`,
);
log(
  `  in total                  ${kb(withoutEditor.total.brotli)} without the editor, ` +
    `${kb(withEditor.total.brotli)} with it: +${kb(added.total)}`,
);
log('  by module (src/react.tsx minified, React left out):');
for (const { group, brotli } of byModule) log(`    ${kb(brotli).padStart(8)}  ${group}`);
log(`element module: ${kb(element.brotli)} brotli (${kb(element.raw)} raw)`);
log(
  `server only: npm install adds ${server.packages.length} package (${server.packages.join(', ')}), ` +
    `${server.files} files, ${kb(server.bytes)}; dist/server.js ${kb(server.serverEntry)}`,
);

const sizes = { reactEntry: { added, withEditor, withoutEditor, byModule }, element, server };
writeFileSync(join(root, 'dist/package/sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
log(`written to dist/package/sizes.json (tarball ${kb(readFileSync(TARBALL).length)})`);
