// `npm run bench`: builds the app and a React + ReactDOM baseline, measures both on this machine
// (bytes as served, start-up unthrottled and on slow 4G, save, input latency, a 500-endpoint list,
// heap) in headless Chromium against the real server, then
// prints the results and writes them to BENCHMARKS.md. See BENCHMARKS.md for what each figure is.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import * as prettier from 'prettier';
import { benchmarksMarkdown } from '../bench/lib/benchmarks-md.mjs';
import { LOAD_ENDPOINT_ID, measureInBrowser } from '../bench/lib/browser-runs.mjs';
import { currentLoad, machineFacts } from '../bench/lib/machine.mjs';
import { run, startServer } from '../bench/lib/processes.mjs';
import { resultRows, targetSummary, textTable } from '../bench/lib/report.mjs';
import { measureServedSizes } from '../bench/lib/served-sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 9);
const log = (message) => console.log(`bench: ${message}`);

if (!Number.isInteger(runs) || runs < 1) {
  console.error(`BENCH_RUNS must be a whole number of at least 1 (got ${process.env.BENCH_RUNS})`);
  process.exit(1);
}

// BENCH_SERIES=ready,slow4g runs only those series (and the sizes), prints them and leaves
// BENCHMARKS.md alone: for trying a change quickly. BENCHMARKS.md always holds a whole run.
const SERIES = ['ready', 'slow4g', 'save', 'input', 'list', 'heap'];
const only = process.env.BENCH_SERIES
  ? new Set(process.env.BENCH_SERIES.split(',').map((name) => name.trim()))
  : null;
const unknown = [...(only ?? [])].filter((name) => !SERIES.includes(name));
if (unknown.length > 0) {
  console.error(`BENCH_SERIES: unknown ${unknown.join(', ')} (known: ${SERIES.join(', ')})`);
  process.exit(1);
}

function executablePath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function build() {
  log('building the app (npm run build)');
  await run('npm', ['run', 'build'], { cwd: root });
  log('building the baseline (bench/baseline)');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const config = join(root, 'bench/baseline/vite.config.ts');
  await run(process.execPath, [vite, 'build', '--config', config], { cwd: root });
}

/** The app's chunks as URL paths, so the bench can ask the server for those not loaded up front. */
function chunkPaths() {
  const assets = join(root, 'dist/client/assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((name) => /\.(m?js|css)$/.test(name))
    .map((name) => `/assets/${name}`);
}

/** Runs `body` with the app's server and the baseline's, both stopped and cleaned up after. */
async function withServers(body) {
  const dataDir = mkdtempSync(join(tmpdir(), 'konpro-bench-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeData); // also when interrupted
  const env = { KONPRO_EMULATOR_RATE_LIMIT: '1000000' };
  // Each server keeps its sessions and history beside its data file: a folder each.
  const app = startServer({
    cwd: root,
    env: { ...env, KONPRO_DATA_FILE: `${dataDir}/app/data.json` },
  });
  // The baseline is served by the same server program, so both pages get the same headers.
  const baseline = startServer({
    cwd: root,
    env: {
      ...env,
      KONPRO_DATA_FILE: `${dataDir}/baseline/data.json`,
      STATIC_DIR: join(root, 'dist-bench/baseline'),
    },
  });
  try {
    const [appUrl, baselineUrl] = await Promise.all([app.ready, baseline.ready]);
    return await body(appUrl, baselineUrl);
  } finally {
    await Promise.all([app.stop(), baseline.stop()]);
    removeData();
  }
}

async function main() {
  const started = Date.now();
  const loadAtStart = currentLoad();
  if (loadAtStart > cpus().length) {
    log(`the machine is busy (load ${loadAtStart.toFixed(1)}): times will be noisy`);
  }
  // A screenshot left by an earlier failed run would only mislead.
  rmSync(join(root, 'dist-bench/failure.png'), { force: true });
  await build();

  const { machine, sizes, times } = await withServers(async (appUrl, baselineUrl) => {
    log('sizes as the servers send them');
    const sizes = await measureServedSizes({
      appUrl,
      baselineUrl,
      deepLinkPath: `/?endpoint_id=${LOAD_ENDPOINT_ID}`,
      lazyPaths: chunkPaths(),
    });
    const browser = await chromium.launch({ executablePath: executablePath(), headless: true });
    try {
      return {
        machine: machineFacts(root, browser.version()),
        sizes,
        times: await measureInBrowser(browser, { appUrl, baselineUrl, runs, log, only }),
      };
    } finally {
      await browser.close();
    }
  });

  const results = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...machine, load: { start: loadAtStart, end: currentLoad() } },
    sizes,
    ...times,
  };
  const rows = resultRows(results);
  console.log(`\n${results.date}, ${machine.cpu} × ${machine.cores}, Chromium ${machine.chromium}`);
  console.log(`\n${textTable(rows)}\n`);
  if (only) {
    console.log(
      `${targetSummary(rows)}. A partial run (BENCH_SERIES): BENCHMARKS.md left as it was.`,
    );
    return;
  }
  // Formatted as `npm run lint` expects, so a fresh run never fails the Prettier check.
  const file = join(root, 'BENCHMARKS.md');
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(benchmarksMarkdown(results, rows), options));
  console.log(`${targetSummary(rows)}. Written to BENCHMARKS.md (${results.durationSeconds} s).`);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
