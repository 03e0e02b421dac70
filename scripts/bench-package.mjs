// `npm run bench:package`: the sizes of the npm package, measured from the packed tarball.
//   - what `konpro-webhook-editor/react` adds to the react-portal example's JavaScript, before an
//     endpoint opens and in total (bench/lib/react-entry-size.mjs, as `npm run check:size`);
//   - where those bytes come from: src/react.tsx built as a portal's production build would build
//     it (minified, React left out), each chunk's brotli bytes shared out among its modules by the
//     minified bytes its source map gives each (as source-map-explorer does);
//   - the element module (`.` and `/element`), brotli;
//   - what installing the package adds to a backend that uses only `/server`: `npm install` of the
//     tarball into an empty folder.
// Prints them and writes dist/package/sizes.json. Run it after `npm run build:package`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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
  return path.split('/').slice(0, 2).join('/');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings`, per generated line: [column, source index] of each segment. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

const CSS_GROUP = 'CSS (src/app/*.css)';
/** Groups that are no file: the styles, and the bundler's own glue (source index -1: `null`). */
const NOT_FILES = { [CSS_GROUP]: CSS_GROUP, null: 'no source (bundler glue)' };

/**
 * The minified bytes of `code` that its source map gives each source. The styles, inlined as
 * strings, map to no source: they are the line after the bundler's `// src/app/x.css?inline`.
 */
function bytesBySource(code, map) {
  const bytes = {};
  const codeLines = code.split('\n');
  decodeMappings(map.mappings).forEach((segments, lineIndex) => {
    const lineLength = codeLines[lineIndex]?.length ?? 0;
    if (/^\/\/ .*\.css\?inline$/.test(codeLines[lineIndex - 1] ?? '')) {
      bytes[CSS_GROUP] = (bytes[CSS_GROUP] ?? 0) + lineLength;
      return;
    }
    segments.forEach(([column, source], index) => {
      const end = segments[index + 1]?.[0] ?? lineLength;
      const name = source === -1 ? null : map.sources[source];
      bytes[name] = (bytes[name] ?? 0) + Math.max(0, end - column);
    });
  });
  return bytes;
}

/** The React entry's modules, by group, in brotli bytes of the minified production chunks. */
async function reactEntryByModule() {
  const outDir = mkdtempSync(join(tmpdir(), 'konpro-react-entry-'));
  const chunks = [];
  try {
    await build({
      root,
      configFile: join(root, 'package/vite.react.config.ts'),
      // keep-zod-off-globalthis maps nothing: its few bytes of zod may be given to a neighbour.
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { outDir, minify: true, sourcemap: true },
      plugins: [
        {
          name: 'chunk-kinds',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              // The form's chunk is imported when an endpoint opens; the rest up front.
              if (chunk.type === 'chunk') {
                chunks.push({ fileName: chunk.fileName, lazy: chunk.isDynamicEntry });
              }
            }
          },
        },
      ],
    });
    const groups = {};
    for (const { fileName, lazy } of chunks) {
      const file = join(outDir, fileName);
      const { brotli } = measureFiles([file], outDir);
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      const bySource = bytesBySource(readFileSync(file, 'utf8'), map);
      const total = Object.values(bySource).reduce((sum, bytes) => sum + bytes, 0);
      for (const [source, bytes] of Object.entries(bySource)) {
        const group = NOT_FILES[source] ?? groupOf(resolve(dirname(file), source));
        groups[group] ??= { initial: 0, lazy: 0 };
        groups[group][lazy ? 'lazy' : 'initial'] += (brotli * bytes) / total;
      }
    }
    return Object.entries(groups)
      .map(([group, { initial, lazy }]) => ({
        group,
        initial: Math.round(initial),
        lazy: Math.round(lazy),
        brotli: Math.round(initial + lazy),
      }))
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
log('  by module (src/react.tsx minified, React left out; up front + when an endpoint opens):');
for (const { group, brotli, initial, lazy } of byModule) {
  const split = `${kb(initial)} + ${kb(lazy)}`.padEnd(18);
  log(`    ${kb(brotli).padStart(8)}  ${split}  ${group}`);
}
log(`element module: ${kb(element.brotli)} brotli (${kb(element.raw)} raw)`);
log(
  `server only: npm install adds ${server.packages.length} package (${server.packages.join(', ')}), ` +
    `${server.files} files, ${kb(server.bytes)}; dist/server.js ${kb(server.serverEntry)}`,
);

const sizes = { reactEntry: { added, withEditor, withoutEditor, byModule }, element, server };
writeFileSync(join(root, 'dist/package/sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
log(`written to dist/package/sizes.json (tarball ${kb(readFileSync(TARBALL).length)})`);
