// What a page downloads before it can run, and how big that is on the wire. Shared by the bench
// and by `npm run check:size`, so both count the same bytes the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The scripts and style sheets an HTML page loads up front (module scripts, module preloads,
 * style sheets), as the hrefs written in it. Only files of this build: a CDN's are not ours.
 */
export function htmlAssetRefs(html) {
  const found = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const rel = attr('rel')?.toLowerCase();
    const wanted = isScript
      ? attr('type') === 'module' && attr('src')
      : rel === 'modulepreload' || rel === 'stylesheet';
    const href = isScript ? attr('src') : attr('href');
    if (wanted && href && !/^[a-z]+:|^\/\//i.test(href)) found.push(href);
  }
  return found;
}

/** The scripts and style sheets index.html loads up front, as paths under the build directory. */
export function initialAssetsOfHtml(buildDir) {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const found = htmlAssetRefs(html).map((href) => join(buildDir, href.replace(/^\.?\//, '')));
  return withStaticImports(found);
}

/**
 * The files plus every chunk they statically import, transitively: what the browser must fetch
 * before the module runs. Dynamic `import()` is left out: it is loaded later, on demand.
 */
export function withStaticImports(files) {
  const seen = new Set();
  const queue = files.map((file) => resolve(file));
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const base = specifier.startsWith('/') ? buildRootOf(file) : dirname(file);
        queue.push(resolve(base, specifier.replace(/^\//, '')));
      }
    }
  }
  return [...seen];
}

// Minified bundles write `import{a as b}from"./x.js"`, `import"./x.js"` and `export*from"./x.js"`;
// `import(` (dynamic) and `import.meta` never match because a quote or name must follow.
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;

export function staticImports(source) {
  return [...source.matchAll(STATIC_IMPORT)].map((match) => match[1]);
}

// Chunks live in <build>/assets; an absolute `/assets/x.js` resolves against <build>.
function buildRootOf(file) {
  const dir = dirname(file);
  return dir.endsWith('assets') ? dirname(dir) : dir;
}

/** Raw, gzip (level 9) and brotli (quality 11) bytes of each file and in total. */
export function measureFiles(files, rootDir) {
  const rows = files.map((file) => {
    const bytes = readFileSync(file);
    return {
      file: relative(rootDir, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  return { files: rows, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** Gzip only: what the CI budget checks, without brotli's slow quality 11. */
export function gzipTotal(files) {
  return files.reduce(
    (total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length,
    0,
  );
}

/** The initial assets of a built single-page app, or null when it is not built. */
export function appInitialAssets(buildDir) {
  return existsSync(join(buildDir, 'index.html')) ? initialAssetsOfHtml(buildDir) : null;
}

/** The embed module and the chunks it statically imports, or null when it is not built. */
export function embedModuleAssets(embedFile) {
  return existsSync(embedFile) ? withStaticImports([embedFile]) : null;
}

/** Scripts and style sheets of a build that its first load does not fetch: loaded on demand. */
export function lazyAssets(buildDir, initial) {
  const assetsDir = join(buildDir, 'assets');
  if (!existsSync(assetsDir)) return [];
  const loaded = new Set(initial.map((file) => resolve(file)));
  return readdirSync(assetsDir)
    .filter((name) => /\.(m?js|css)$/.test(name))
    .map((name) => resolve(assetsDir, name))
    .filter((file) => !loaded.has(file));
}
