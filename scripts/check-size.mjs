// `npm run check:size`: starts the built server and fails when the list page, a deep link or the
// embed module moves more bytes than its budget in size-budget.json, counted as the server sends
// them to a browser (Content-Length of the brotli answers), or when a file the server should send
// compressed arrives uncompressed. It also builds the react-portal example from the packed package
// with and without the editor, and fails when `konpro-webhook-editor/react` adds more than its
// budgets to the portal's JavaScript (brotli; bench/lib/react-entry-size.mjs). Run it after
// `npm run build` and `npm run build:package`; it takes about half a minute (npm install).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer } from '../bench/lib/processes.mjs';
import { measureReactEntry } from '../bench/lib/react-entry-size.mjs';
import {
  BROWSER_ENCODINGS,
  GZIP_ONLY,
  filesOnWire,
  pageOnWire,
} from '../bench/lib/served-sizes.mjs';
import { TARBALL, installExample } from './lib/examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgetFile = join(root, 'size-budget.json');
const EMBED = '/embed/konpro-webhook-editor.js';
// Smaller files may go out as they are: compressing them saves less than it costs.
const MUST_COMPRESS_FROM_BYTES = 1024;

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const fail = (message) => {
  console.error(`check:size  FAIL  ${message}`);
  process.exit(1);
};

if (!existsSync(budgetFile)) fail('size-budget.json is missing: it holds the byte budgets');
if (!existsSync(join(root, 'dist/client/index.html')) || !existsSync(join(root, 'dist/server'))) {
  fail('dist/ is missing or incomplete: run `npm run build` before the size check');
}
if (!existsSync(TARBALL)) {
  fail('dist/package/konpro-webhook-editor.tgz is missing: run `npm run build:package` first');
}
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));

const measures = [
  {
    label: 'list page (/)',
    key: 'listPageBytesOnWire',
    read: (url, enc) => pageOnWire(url, '/', enc),
  },
  {
    label: 'deep link (/?endpoint_id=)',
    key: 'deepLinkBytesOnWire',
    read: (url, enc) => pageOnWire(url, '/?endpoint_id=ep_size_check', enc),
  },
  {
    label: 'embed module',
    key: 'embedModuleBytesOnWire',
    read: (url, enc) => filesOnWire(url, [EMBED], enc),
  },
];

async function check(baseUrl) {
  const problems = [];
  const lines = [];
  for (const { label, key, read } of measures) {
    const served = await read(baseUrl, BROWSER_ENCODINGS);
    const gzipOnly = await read(baseUrl, GZIP_ONLY);
    const expected = [
      [served, 'br'],
      [gzipOnly, 'gzip'],
    ];
    for (const [measured, encoding] of expected) {
      for (const file of measured.files) {
        if (file.raw >= MUST_COMPRESS_FROM_BYTES && file.encoding !== encoding) {
          problems.push(
            `${file.file} went out as ${file.encoding} to a client accepting ${encoding} ` +
              `(${kb(file.raw)}): the build should have made its .${encoding === 'br' ? 'br' : 'gz'} copy`,
          );
        }
      }
    }
    const budget = budgets[key];
    if (typeof budget !== 'number') {
      problems.push(`size-budget.json has no "${key}" budget for the ${label}`);
    } else if (served.bytes > budget) {
      problems.push(
        `${label} moves ${kb(served.bytes)} (${served.bytes} B) as served, over its budget of ` +
          `${budget} B by ${served.bytes - budget} B (size-budget.json "${key}")`,
      );
    } else {
      lines.push(
        `${label}: ${kb(served.bytes)} on the wire (brotli) of ${kb(budget)} budget ` +
          `(${kb(budget - served.bytes)} left); ${kb(gzipOnly.bytes)} as gzip`,
      );
    }
  }
  // Languages: English's runtime and messages on the list page, against the page as it was before
  // the editor spoke any language but English.
  const list = await pageOnWire(baseUrl, '/', BROWSER_ENCODINGS);
  const added = list.bytes - budgets.listPageBeforeLocalesBytesOnWire;
  const allowed = budgets.listPageEnglishAddsBytes;
  if (typeof allowed !== 'number' || typeof budgets.listPageBeforeLocalesBytesOnWire !== 'number') {
    problems.push(
      'size-budget.json has no "listPageEnglishAddsBytes" or "listPageBeforeLocalesBytesOnWire"',
    );
  } else if (added > allowed) {
    problems.push(
      `English (Lingui and the list's messages) adds ${kb(added)} (${added} B) to the list page, ` +
        `over its ${allowed} B by ${added - allowed} B (size-budget.json "listPageEnglishAddsBytes")`,
    );
  } else {
    lines.push(`English adds ${kb(added)} to the list page, of ${kb(allowed)} budget`);
  }
  lines.push(...localeChunks());
  problems.push(...embedLocaleProblems());
  return { problems, lines };
}

/**
 * The embed module carries English only: each other locale's catalogues are JSON files in
 * dist/embed/assets, named by their SHA-256, which the module fetches relative to itself (its
 * pinned copy sits beside them) and checks. A file not named by its hash could not be checked.
 */
function embedLocaleProblems() {
  const dir = join(root, 'dist/embed');
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((file) => /^locale-[\w-]+\.(?:js|json)$/.test(file));
  const problems = [];
  if (files.length === 0) {
    problems.push('the embed build has no locale catalogues: other locales are inside its module');
  }
  for (const file of files) {
    const hash = /-([\w-]{43})\.json$/.exec(file)?.[1];
    const digest = createHash('sha256')
      .update(readFileSync(join(assets, file)))
      .digest('base64url');
    if (hash !== digest) {
      problems.push(`dist/embed/assets/${file} is not data named by its SHA-256, so not checked`);
    }
  }
  const pinned = readdirSync(assets).find((file) => /^konpro-webhook-editor-\w+\.js$/.test(file));
  const modules = [
    [EMBED, readFileSync(join(dir, 'konpro-webhook-editor.js'), 'utf8'), dir],
    [`/embed/assets/${pinned}`, pinned ? readFileSync(join(assets, pinned), 'utf8') : '', assets],
  ];
  for (const [name, code, from] of modules) {
    const named = [...code.matchAll(/new URL\((["'`])(\.[^"'`]+)\1/g)].map((m) => m[2]);
    for (const file of files) {
      const path = named.find((specifier) => specifier.endsWith(`/${file}`));
      if (path === undefined || !existsSync(join(from, path))) {
        problems.push(`${name} does not fetch ${file} where it is (${path ?? 'not named'})`);
      }
    }
  }
  return problems;
}

/** Each other locale's catalogues: a chunk per area, fetched only in that locale (brotli). */
function localeChunks() {
  const assets = join(root, 'dist/client/assets');
  const sizes = new Map();
  for (const file of readdirSync(assets)) {
    const match = /^locale-([\w]+)-(\w+)-[\w-]+\.js$/.exec(file);
    if (!match) continue;
    const [, locale, area] = match;
    const bytes = brotliCompressSync(readFileSync(join(assets, file)), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    sizes.set(locale, [...(sizes.get(locale) ?? []), `${area} ${kb(bytes)}`]);
  }
  return [...sizes].map(
    ([locale, areas]) => `locale ${locale}: ${areas.join(', ')} (brotli, on demand)`,
  );
}

/** What the React entry adds to the react-portal example, against its budgets. */
async function checkReactEntry() {
  const example = await installExample('react-portal');
  let measured;
  try {
    measured = await measureReactEntry(example.dir);
  } finally {
    example.remove();
  }
  const problems = [];
  const lines = [];
  if (!measured.oneReact) {
    problems.push(
      `the react-portal example holds ${measured.withEditor.reactDomCopies} copies of react-dom ` +
        `with the editor and ${measured.withoutEditor.reactDomCopies} without: the React entry ` +
        'must use the portal’s React',
    );
  }
  const counts = [
    ['before an endpoint opens', 'reactEntryInitialBrotliBytes', measured.added.initial],
    ['in total, the editor form included', 'reactEntryTotalBrotliBytes', measured.added.total],
  ];
  const locales = measured.withEditor.localeChunks;
  if (locales.files.length === 0) {
    problems.push('the React entry has no locale chunks: other locales are inside its code');
  }
  lines.push(
    `React entry: other locales' catalogues ${kb(locales.brotli)} brotli in ` +
      `${locales.files.length} chunks (on demand, not in its total)`,
  );
  for (const [what, key, bytes] of counts) {
    const budget = budgets[key];
    const label = `React entry, added to the react-portal's JavaScript ${what}`;
    if (typeof budget !== 'number') {
      problems.push(`size-budget.json has no "${key}" budget for the ${label}`);
    } else if (bytes > budget) {
      problems.push(
        `${label}: ${kb(bytes)} (${bytes} B) brotli, over its budget of ${budget} B by ` +
          `${bytes - budget} B (size-budget.json "${key}")`,
      );
    } else {
      lines.push(
        `${label}: ${kb(bytes)} brotli of ${kb(budget)} budget (${kb(budget - bytes)} left)`,
      );
    }
  }
  return { problems, lines };
}

const dataDir = mkdtempSync(join(tmpdir(), 'konpro-size-'));
const server = startServer({ cwd: root, env: { KONPRO_DATA_FILE: join(dataDir, 'data.json') } });
let result;
try {
  result = await check(await server.ready);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const reactEntry = await checkReactEntry();
result.lines.push(...reactEntry.lines);
result.problems.push(...reactEntry.problems);
for (const line of result.lines) console.log(`check:size  ${line}`);
for (const problem of new Set(result.problems)) console.error(`check:size  FAIL  ${problem}`);
if (result.problems.length > 0) process.exit(1);
