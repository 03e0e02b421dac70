// `npm run bench:store`: what the store costs. Start-up (spawn to the first 200 of /api) and memory
// of the built server with the embedded store and with PostgreSQL; then 200 saves, as the page
// makes them (read the list for the version, PATCH with If-Match), by two admins at once on one
// endpoint, through one copy with the embedded store, one copy with PostgreSQL, and two copies
// sharing one PostgreSQL behind no balancer (each admin on a copy of their own). Konpro is the
// emulator in a process of its own. Prints medians, p95 and how many saves the check refused (412).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, startServer } from '../bench/lib/processes.mjs';
import { median, percentile } from '../bench/lib/stats.mjs';
import { startCluster } from './postgres-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const DEV_KEY = 'konpro_dev_key_local';
const LIST = '/api/v1/webhook/endpoint.list';
const log = (message) => console.log(`bench:store: ${message}`);

const dataDir = mkdtempSync(join(tmpdir(), 'konpro-bench-store-'));
process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
let files = 0;
const dataFile = () => join(dataDir, `${(files += 1)}`, 'data.json');

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Spawn to the first 200 of the list, and the resident memory then. */
async function startUp(env) {
  const started = performance.now();
  const server = startServer({ cwd: root, env: { KONPRO_DATA_FILE: dataFile(), ...env } });
  const url = await server.ready;
  for (;;) {
    const response = await fetch(url + LIST).catch(() => null);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - started;
  const mb = rssMb(server.pid);
  await server.stop();
  return { ms, mb };
}

async function save(copy, id, url, round) {
  const list = await (await fetch(copy + LIST)).json();
  const endpoint = (list.data ?? list).find((item) => item.endpoint_id === id);
  const started = performance.now();
  const response = await fetch(`${copy}/api/v1/webhook/endpoint.update`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'if-match': versionOf(endpoint) },
    body: JSON.stringify({ endpoint_id: id, url: `${url}/${round}` }),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

// As contract/endpoint-version.ts computes it (FNV-1a, 64 bits): the page sends the version it
// merged onto. A formula that drifted would make every save a 412; main() checks the first one.
function versionOf(endpoint) {
  const events = [...new Set(endpoint.events ?? [])].sort();
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(JSON.stringify([endpoint.url, events]))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `"v1-${hash.toString(16).padStart(16, '0')}"`;
}

async function series(name, copies, id) {
  const results = [];
  const perAdmin = SAVES / 2;
  await Promise.all(
    [0, 1].map(async (admin) => {
      for (let i = 0; i < perAdmin; i += 1) {
        results.push(
          await save(copies[admin % copies.length], id, `https://admin${admin}.example/h`, i),
        );
      }
    }),
  );
  const times = results.filter((r) => r.status === 200).map((r) => r.ms);
  const refused = results.filter((r) => r.status === 412).length;
  const other = results.filter((r) => r.status !== 200 && r.status !== 412).length;
  return {
    name,
    saves: results.length,
    median: median(times),
    p95: percentile(times, 95),
    refused,
    other,
  };
}

async function main() {
  log('building the server (npm run build:server)');
  await run('npm', ['run', 'build:server'], { cwd: root });
  log('starting a throwaway PostgreSQL');
  const cluster = await startCluster();
  try {
    const rows = [];
    for (const [label, env] of [
      ['embedded store', {}],
      ['PostgreSQL', { DATABASE_URL: cluster.url }],
    ]) {
      const runs = [];
      for (let i = 0; i < STARTS; i += 1) runs.push(await startUp(env));
      rows.push({ label, ms: median(runs.map((r) => r.ms)), mb: median(runs.map((r) => r.mb)) });
    }
    console.log('\nStart-up: spawn to the first 200 of /api (median of %d), memory then', STARTS);
    for (const row of rows) {
      console.log(
        `  ${row.label.padEnd(16)} ${row.ms.toFixed(0).padStart(5)} ms  ${row.mb.toFixed(0)} MB RSS`,
      );
    }

    const konpro = startServer({
      cwd: root,
      env: { KONPRO_DATA_FILE: dataFile(), KONPRO_EMULATOR_RATE_LIMIT: '1000000' },
    });
    const konproUrl = await konpro.ready;
    const created = await fetch(`${konproUrl}/v1/webhook/endpoint.add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEV_KEY },
      body: JSON.stringify({ url: 'https://start.example/h', events: [] }),
    }).then((r) => r.json());
    const id = (created.data ?? created).endpoint_id;
    const copy = async (env) => {
      const server = startServer({
        cwd: root,
        env: {
          KONPRO_API_BASE: konproUrl,
          KONPRO_API_KEY: DEV_KEY,
          KONPRO_DATA_FILE: dataFile(),
          ...env,
        },
      });
      return { url: await server.ready, stop: server.stop };
    };
    const first = await copy({});
    if ((await save(first.url, id, 'https://check.example/h', 0)).status !== 200) {
      throw new Error("the bench's version formula no longer matches contract/endpoint-version.ts");
    }
    await first.stop();
    const results = [];
    for (const [name, make] of [
      ['one copy, embedded store', async () => [await copy({})]],
      ['one copy, PostgreSQL', async () => [await copy({ DATABASE_URL: cluster.url })]],
      [
        'two copies, one PostgreSQL',
        async () => [
          await copy({ DATABASE_URL: cluster.url }),
          await copy({ DATABASE_URL: cluster.url }),
        ],
      ],
    ]) {
      const copies = await make();
      results.push(
        await series(
          name,
          copies.map((c) => c.url),
          id,
        ),
      );
      await Promise.all(copies.map((c) => c.stop()));
    }
    await konpro.stop();
    console.log(
      `\n${SAVES} saves by two admins at once on one endpoint (save = PATCH with If-Match)`,
    );
    for (const r of results) {
      console.log(
        `  ${r.name.padEnd(28)} median ${r.median.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ` +
          `412: ${r.refused}  other failures: ${r.other}`,
      );
    }
    const [embedded, postgres] = results;
    console.log(
      `\nPostgreSQL's cost per save over the embedded store: ${(postgres.median - embedded.median).toFixed(1)} ms (median)`,
    );
  } finally {
    cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
