import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createLogger } from '../log/logger';
import { parseSettings } from '../settings';
import { proxyApp } from '../test-support/proxy-app';
import { listening, rawRequest } from '../test-support/raw-http';
import { signInApp } from '../test-support/sign-in-app';
import { tempDir } from '../test-support/temp-dir';
import { probeRoutes, type ReadinessCheck } from './probes';

const OK = { status: 'ok' };
const UNAVAILABLE = { status: 'unavailable' };

async function emulatorApp(readiness: ReadinessCheck[] = []) {
  const dir = await tempDir();
  const dataFile = join(dir, 'data', 'emulator.json');
  const parsed = parseSettings({ KONPRO_DATA_FILE: dataFile, STATIC_DIR: join(dir, 'client') });
  if (!parsed.ok) throw new Error(parsed.error);
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const app = createApp(parsed.settings, { log: () => undefined, logger, readiness });
  return { app, lines, dataFile };
}

/** probeRoutes alone, as the app mounts it, with its log lines kept. */
function probesOnly(checks: ReadinessCheck[], timeoutMs?: number) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const app = new Hono().route('/', probeRoutes(checks, { logger, timeoutMs }));
  return { app, lines };
}

async function body(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

describe('/healthz and /readyz', () => {
  it('answer 200 with one word, never cached, for any Host a load balancer sends', async () => {
    const { app } = await emulatorApp();
    const port = await listening(app);
    for (const host of ['10.0.0.7:4173', '127.0.0.1', 'probe.internal', 'xn--a', '[fd00::7]:80']) {
      for (const path of ['/healthz', '/readyz']) {
        const answer = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: ${host}`, {
          endRequest: false,
        });
        expect(answer.status, `${host} ${path}`).toBe(200);
        expect(JSON.parse(answer.body)).toEqual(OK);
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.headers['content-type']).toBe('application/json');
        expect(answer.headers['set-cookie']).toBeUndefined();
      }
    }
    // The same Host elsewhere is still refused: only the probes skip the host check.
    const refused = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: probe.internal');
    expect(refused.status).toBe(421);
  });

  it('need no sign-in when sign-in is configured, and write no request log line', async () => {
    const { app, lines } = await signInApp();
    for (const path of ['/healthz', '/readyz']) {
      const response = await app.request(`http://10.0.0.7${path}`);
      expect(response.status).toBe(200);
      expect(await body(response)).toEqual(OK);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(lines).toEqual([]);
    // Any other path still needs a session, and is logged.
    const api = await app.request('https://webhooks.example.com/api/v1/webhook/endpoint.list');
    expect(api.status).toBe(401);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', status: 401 }));
  });

  it('answer HEAD without a body, and 405 to any other method', async () => {
    const { app } = proxyApp(() => new Response(null, { status: 500 }));
    for (const path of ['/healthz', '/readyz']) {
      const head = await app.request(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const response = await app.request(path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
      }
    }
  });

  it('/readyz answers 503 while a check fails or throws, /healthz stays 200', async () => {
    let state: 'ok' | 'false' | 'throws' = 'false';
    const { app } = await emulatorApp([
      {
        name: 'store',
        check: () => {
          if (state === 'throws') throw new Error('connection refused by db.internal:5432');
          return Promise.resolve(state === 'ok');
        },
      },
    ]);
    for (const next of ['false', 'throws'] as const) {
      state = next;
      const response = await app.request('/readyz');
      expect(response.status, next).toBe(503);
      const text = await response.text();
      // Which check failed, and why, is for the log: the answer says nothing about it.
      expect(JSON.parse(text)).toEqual(UNAVAILABLE);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await app.request('/healthz')).status).toBe(200);
    }
    state = 'ok';
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('/readyz answers 503 when the emulator data folder is gone, and 200 once it is back', async () => {
    const { app, dataFile } = await emulatorApp();
    expect((await app.request('/readyz')).status).toBe(200);
    await rm(dirname(dataFile), { recursive: true, force: true, maxRetries: 5 });
    expect((await app.request('/readyz')).status).toBe(503);
    await mkdir(dirname(dataFile), { recursive: true });
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('/readyz answers 200 in proxy mode with no check to make', async () => {
    const { app, seen } = proxyApp(() => new Response(null, { status: 500 }));
    expect((await app.request('/readyz')).status).toBe(200);
    expect(seen).toEqual([]); // Konpro is not asked
  });
});

describe('probeRoutes', () => {
  it('counts a check that does not answer in time as failed', async () => {
    let late: (ok: boolean) => void = () => undefined;
    const { app, lines } = probesOnly(
      [{ name: 'store', check: () => new Promise<boolean>((resolve) => (late = resolve)) }],
      50,
    );
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'not ready', failed: ['store: no answer within 50 ms'] }),
    ]);
    late(true);
  });

  it('survives a check that throws after its time is up', async () => {
    let fail: (error: Error) => void = () => undefined;
    const { app } = probesOnly(
      [{ name: 'store', check: () => new Promise<boolean>((_, reject) => (fail = reject)) }],
      20,
    );
    expect((await app.request('/readyz')).status).toBe(503);
    fail(new Error('too late'));
    // An unhandled rejection would fail this test run.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('logs a line when readiness changes, not one per probe', async () => {
    let ok = false;
    const { app, lines } = probesOnly([
      { name: 'folder', check: () => true },
      { name: 'store', check: () => ok },
    ]);
    for (let i = 0; i < 5; i += 1) await app.request('/readyz');
    ok = true;
    for (let i = 0; i < 5; i += 1) await app.request('/readyz');
    expect(lines.map(({ level, msg, failed }) => ({ level, msg, failed }))).toEqual([
      { level: 'warn', msg: 'not ready', failed: ['store: not usable'] },
      { level: 'info', msg: 'ready again', failed: undefined },
    ]);
  });

  it('runs the checks once for probes that arrive together', async () => {
    let runs = 0;
    let release: (ok: boolean) => void = () => undefined;
    const answered = new Promise<boolean>((resolve) => (release = resolve));
    const { app } = probesOnly([
      {
        name: 'store',
        check: () => {
          runs += 1;
          return answered;
        },
      },
    ]);
    const probes = Array.from({ length: 5 }, async () => app.request('/readyz'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release(true);
    const answers = await Promise.all(probes);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(runs).toBe(1);
    await app.request('/readyz');
    expect(runs).toBe(2); // the next probe looks again
  });
});
