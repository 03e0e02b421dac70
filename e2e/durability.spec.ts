// The emulator's data file under stress: a SIGKILL in the middle of a burst of writes, and many
// writes at once. No browser: these drive the built server over HTTP.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Server, startServer, stopServer } from './server-process';
import { allowTime } from './time-budget';

function startEmulator(dataFile: string): Promise<Server> {
  return startServer({
    KONPRO_DATA_FILE: dataFile,
    KONPRO_API_KEY: 'konpro_dev_key_local',
    KONPRO_EMULATOR_RATE_LIMIT: '1000000',
  });
}

const kill = stopServer;

/**
 * Two server starts and four hundred writes, each rewriting the whole data file: about 5 s on an
 * idle machine, and over a minute beside a CPU-heavy process on two cores.
 */
const ROUND_MS = 75_000;

async function call(base: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${base}/api/v1/webhook/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function addEndpoints(base: string, count: number): Promise<string[]> {
  const added = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      call(base, 'POST', 'endpoint.add', {
        url: `https://start-${i}.example.com/hook`,
        events: ['avatar_video.success'],
      }),
    ),
  );
  return added.map(({ json }) => String(json.endpoint_id));
}

async function urlsById(base: string): Promise<Map<string, string>> {
  const { json } = await call(base, 'GET', 'endpoint.list');
  const list = json.data as { endpoint_id: string; url: string }[];
  return new Map(list.map((endpoint) => [endpoint.endpoint_id, endpoint.url]));
}

test.describe.configure({ mode: 'serial' });

test('every acknowledged update survives SIGKILL in the middle of a burst', async () => {
  const dataFile = join(await mkdtemp(join(tmpdir(), 'konpro-kill-')), 'data.json');
  const KILLS = 3;
  const BURST = 200;
  const KILL_AFTER = 11;
  let acknowledged = 0;
  for (let round = 0; round < KILLS; round += 1) {
    allowTime(ROUND_MS);
    const server = await startEmulator(dataFile);
    const ids = await addEndpoints(server.base, BURST);
    const acked = new Map<string, string>();
    let killed = null as Promise<void> | null; // set inside the burst, so typed by hand
    // Every update goes to its own endpoint, so "holding every acknowledged update" is exact.
    const burst = ids.map(async (id, i) => {
      const url = `https://round-${round}-update-${i}.example.com/hook`;
      const result = await call(server.base, 'PATCH', 'endpoint.update', {
        endpoint_id: id,
        url,
      }).catch(() => null);
      if (result?.status !== 200) return;
      acked.set(id, url);
      // Killed the moment part of the burst is acknowledged and the rest is still on its way.
      // (Polling for that lost the race on a busy machine, where the poller waits its turn.)
      if (acked.size === KILL_AFTER) killed = kill(server, 'SIGKILL');
    });
    await Promise.all(burst);
    expect(killed, `fewer than ${KILL_AFTER} updates were acknowledged`).not.toBeNull();
    await killed;
    expect(acked.size).toBeLessThan(BURST); // the kill really landed mid-burst

    const text = await readFile(dataFile, 'utf8');
    expect(() => JSON.parse(text) as unknown).not.toThrow();

    const restarted = await startEmulator(dataFile);
    const urls = await urlsById(restarted.base);
    for (const [id, url] of acked) expect(urls.get(id)).toBe(url);
    acknowledged += acked.size;
    await kill(restarted, 'SIGTERM');
  }
  test.info().annotations.push({
    type: 'measured',
    description: `${KILLS} SIGKILLs survived, ${acknowledged} acknowledged updates all kept`,
  });
});

test('200 concurrent updates lose none', async () => {
  allowTime(ROUND_MS);
  const dataFile = join(await mkdtemp(join(tmpdir(), 'konpro-concurrent-')), 'data.json');
  const server = await startEmulator(dataFile);
  const ids = await addEndpoints(server.base, 200);
  const results = await Promise.all(
    ids.map((id, i) =>
      call(server.base, 'PATCH', 'endpoint.update', {
        endpoint_id: id,
        url: `https://concurrent-${i}.example.com/hook`,
        events: ['avatar_video.fail', 'personalized_video'],
      }),
    ),
  );
  expect(results.every(({ status }) => status === 200)).toBe(true);
  await kill(server, 'SIGTERM');

  const restarted = await startEmulator(dataFile);
  const urls = await urlsById(restarted.base);
  ids.forEach((id, i) => expect(urls.get(id)).toBe(`https://concurrent-${i}.example.com/hook`));
  await kill(restarted, 'SIGTERM');
});
