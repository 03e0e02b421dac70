// SIGTERM on the built server while a save waits on a deliberately slow Konpro: the save gets its
// answer, a new connection is refused, and the process exits 0 within the 10 s drain. No browser:
// these drive the server over HTTP, as a load balancer and an orchestrator would.
import { createServer, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { type Server, startServer } from './server-process';

const KEY = 'konpro_drain_test_key_0123';
const UPDATE = '/api/v1/webhook/endpoint.update';
/** The drain's limit (server/shutdown.ts). */
const DRAIN_LIMIT_MS = 10_000;
/** Room for a start and a stop on a busy machine (a load of 8 on two cores): about 4x idle. */
const START_MS = 15_000;

const stored = {
  endpoint_id: 'ep_1',
  url: 'https://before.example.com/hook',
  secret: 'whsec_drain',
  status: 'enabled',
  events: ['avatar_video.success'],
};

const json = (response: ServerResponse, body: unknown) =>
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * Konpro as a slow HTTP server: reads answer at once (an update reads the endpoint first), and
 * each PATCH is answered when `answerPatch` resolves, or never.
 */
async function slowKonpro(answerPatch: () => Promise<void> | null) {
  let patches = 0;
  const konpro = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'PATCH') return json(response, { data: [stored] });
      patches += 1;
      const changes = JSON.parse(body) as object;
      void answerPatch()?.then(() => json(response, { ...stored, ...changes }));
    });
  });
  await new Promise<void>((resolve) => konpro.listen(0, '127.0.0.1', resolve));
  const { port } = konpro.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    patches: () => patches,
    close: () => {
      konpro.closeAllConnections();
      konpro.close();
    },
  };
}

function save(base: string, url: string) {
  return fetch(`${base}${UPDATE}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint_id: 'ep_1', url }),
  });
}

/** Resolves with the error code of a connection attempt, or null when it connects. */
function connectError(base: string): Promise<string | null> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function exitOf(server: Server): Promise<{ code: number | null; at: number }> {
  return new Promise((resolve) =>
    server.process.once('exit', (code) => resolve({ code, at: performance.now() })),
  );
}

/** The JSON log line with this `msg`, once the server has written it. */
async function logLine(server: Server, msg: string): Promise<Record<string, unknown>> {
  let found: Record<string, unknown> | undefined;
  await expect
    .poll(() => {
      found = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === msg);
      return found !== undefined;
    })
    .toBe(true);
  return found ?? {};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe.configure({ mode: 'parallel' });

test('SIGTERM: the save in flight gets its 200, new connections are refused, exit 0', async () => {
  test.setTimeout(START_MS + DRAIN_LIMIT_MS + 5_000);
  // Konpro takes 1.5 s over the write, and at least until the test has tried a new connection.
  let tried: () => void = () => undefined;
  const newConnectionTried = new Promise<void>((resolve) => (tried = resolve));
  const konpro = await slowKonpro(async () => {
    await Promise.all([sleep(1_500), newConnectionTried]);
  });
  const server = await startServer({ KONPRO_API_BASE: konpro.base, KONPRO_API_KEY: KEY });
  try {
    const saved = save(server.base, 'https://after.example.com/hook');
    await expect.poll(konpro.patches).toBe(1);
    const exited = exitOf(server);
    const signalled = performance.now();
    server.process.kill('SIGTERM');

    expect(await logLine(server, 'draining')).toMatchObject({ signal: 'SIGTERM', in_flight: 1 });
    expect(await connectError(server.base)).toBe('ECONNREFUSED');
    expect(server.process.exitCode).toBeNull(); // refused by the draining server, not a dead one
    tried();

    const answer = await saved;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ url: 'https://after.example.com/hook' });
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(DRAIN_LIMIT_MS);
    const stopped = await logLine(server, 'stopped');
    expect(stopped).toMatchObject({ in_flight: 0 });
    test.info().annotations.push({
      type: 'measured',
      description: `SIGTERM to exit ${Math.round(at - signalled)} ms; drain ${String(stopped.ms)} ms`,
    });
  } finally {
    server.process.kill('SIGKILL');
    konpro.close();
  }
});

test('SIGTERM: a save still waiting at the 10 s limit is cut, and the process exits 0', async () => {
  test.setTimeout(START_MS + 2 * DRAIN_LIMIT_MS + 5_000);
  const konpro = await slowKonpro(() => null); // never answers the write
  const server = await startServer({
    KONPRO_API_BASE: konpro.base,
    KONPRO_API_KEY: KEY,
    // Longer than the drain, so the cut, not this server's own 504, ends the save.
    KONPRO_UPSTREAM_TIMEOUT_MS: '14999',
  });
  try {
    const saved = save(server.base, 'https://never.example.com/hook').then(
      (response) => response.status,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await expect.poll(konpro.patches).toBe(1);
    const exited = exitOf(server);
    const signalled = performance.now();
    server.process.kill('SIGTERM');

    expect(await saved).toBe('fetch failed'); // the connection closed without an answer
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(2 * DRAIN_LIMIT_MS);
    const stopped = await logLine(server, 'stopped');
    expect(stopped).toMatchObject({ in_flight: 1 });
    test.info().annotations.push({
      type: 'measured',
      description: `SIGTERM to exit ${Math.round(at - signalled)} ms; drain ${String(stopped.ms)} ms`,
    });
  } finally {
    server.process.kill('SIGKILL');
    konpro.close();
  }
});

test('a second SIGTERM during the drain exits at once with 143', async () => {
  test.setTimeout(START_MS + DRAIN_LIMIT_MS);
  const konpro = await slowKonpro(() => null);
  const server = await startServer({ KONPRO_API_BASE: konpro.base, KONPRO_API_KEY: KEY });
  try {
    const saved = save(server.base, 'https://never.example.com/hook').catch(() => null);
    await expect.poll(konpro.patches).toBe(1);
    const exited = exitOf(server);
    server.process.kill('SIGTERM');
    await logLine(server, 'draining');
    server.process.kill('SIGTERM');
    expect((await exited).code).toBe(143);
    expect(await logLine(server, 'stopped at once')).toMatchObject({ in_flight: 1 });
    await saved;
  } finally {
    server.process.kill('SIGKILL');
    konpro.close();
  }
});
