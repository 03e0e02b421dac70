// Writes against a real, deliberately slow upstream over HTTP, sent by real clients over sockets
// that may hang up: one deadline covers a save's wait, check and write, and a write nobody waits
// for any more never reaches Konpro.
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_TIMEOUT_MS as PAGE_TIMEOUT_MS } from '../../contract/page-timeout';
import { endpointVersion } from '../../contract/endpoint-version';
import { createApp } from '../app';
import { tempDataFile } from '../test-support/temp-dir';
import { createLogger } from '../log/logger';
import { parseSettings } from '../settings';
import { apiError } from '../test-support/emulator-harness';
import { listening } from '../test-support/raw-http';

const KEY = 'deadline_test_key_0123456789';
const UPDATE = '/api/v1/webhook/endpoint.update';
const stored = {
  endpoint_id: 'ep_1',
  url: 'https://a.example.com/hook',
  secret: 'whsec_1',
  status: 'enabled',
  events: ['video.created'],
};

interface Seen {
  method: string;
  body: string;
}

/** Konpro as a slow HTTP server: `answer` decides when (and whether) each call is answered. */
async function slowKonpro(answer: (seen: Seen, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const upstream = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const call = { method: request.method ?? '', body };
      seen.push(call);
      answer(call, response);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    upstream.closeAllConnections();
    return new Promise<void>((resolve) => upstream.close(() => resolve()));
  });
  return { port: (upstream.address() as AddressInfo).port, seen };
}

async function editorServer(upstreamPort: number, timeoutMs: number) {
  const parsed = parseSettings({
    KONPRO_API_BASE: `http://127.0.0.1:${upstreamPort}`,
    KONPRO_API_KEY: KEY,
    KONPRO_UPSTREAM_TIMEOUT_MS: String(timeoutMs),
    STATIC_DIR: '/nonexistent-static-dir',
    // The history of these writes goes to a folder of the test's own.
    KONPRO_DATA_FILE: await tempDataFile(),
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const app = createApp(parsed.settings, { log: () => undefined, logger: createLogger('silent') });
  return listening(app);
}

/** A PATCH over a real socket; `hangUp()` closes the socket before any answer. */
function save(port: number, body: object, headers: Record<string, string> = {}) {
  const started = performance.now();
  const text = JSON.stringify(body);
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'PATCH',
    path: UPDATE,
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    },
  });
  const answer = new Promise<{ status: number; json: unknown; ms: number }>((resolve, reject) => {
    request.on('response', (response) => {
      let data = '';
      response.on('data', (chunk: Buffer) => (data += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          json: JSON.parse(data) as unknown,
          ms: performance.now() - started,
        }),
      );
    });
    request.on('error', reject);
  });
  request.end(text);
  return { answer, hangUp: () => request.destroy() };
}

const json = (response: ServerResponse, body: unknown) =>
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const urlsWritten = (seen: Seen[]) =>
  seen
    .filter((call) => call.method === 'PATCH')
    .map((call) => (JSON.parse(call.body) as { url: string }).url);

describe('a write and its deadline', () => {
  it('is never sent when its client hangs up while it waits behind another', async () => {
    let release = () => undefined as unknown;
    const konpro = await slowKonpro((call, response) => {
      // An update that names fields first reads the endpoint as stored (no-op-update.ts).
      if (call.method === 'GET') return json(response, { data: [stored] });
      const body = JSON.parse(call.body) as { url: string };
      const answer = () => json(response, { ...stored, url: body.url });
      // The first write is held until the test lets it go; the others are answered at once.
      if (body.url === 'https://1.example.com') release = answer;
      else answer();
    });
    const port = await editorServer(konpro.port, 5_000);

    const first = save(port, { endpoint_id: 'ep_1', url: 'https://1.example.com' });
    await until(() => urlsWritten(konpro.seen).length === 1);
    const abandoned = save(port, { endpoint_id: 'ep_1', url: 'https://2.example.com' });
    abandoned.answer.catch(() => undefined);
    // Long enough for the editor's server to read the whole request and queue it.
    await sleep(300);
    abandoned.hangUp();
    await sleep(100);
    const third = save(port, { endpoint_id: 'ep_1', url: 'https://3.example.com' });
    await sleep(100);

    release();
    expect((await first.answer).status).toBe(200);
    expect((await third.answer).status).toBe(200);
    await sleep(200);
    expect(urlsWritten(konpro.seen)).toEqual(['https://1.example.com', 'https://3.example.com']);
  });

  it('that waited until too little time was left answers 504 and is never sent', async () => {
    const konpro = await slowKonpro((call, response) => {
      // The first write never gets an answer; the rest would be answered at once.
      if (!call.body.includes('https://1.example.com')) json(response, { data: [stored] });
    });
    const port = await editorServer(konpro.port, 1_000);

    const first = save(port, { endpoint_id: 'ep_1', url: 'https://1.example.com' });
    await until(() => urlsWritten(konpro.seen).length === 1);
    await sleep(100);
    const second = save(port, { endpoint_id: 'ep_1', url: 'https://2.example.com' });

    const [late, waited] = await Promise.all([first.answer, second.answer]);
    expect(late.status).toBe(504);
    expect(waited.status).toBe(504);
    expect(waited.json).toMatchObject(apiError('UPSTREAM_TIMEOUT'));
    expect(JSON.stringify(waited.json)).toContain('not sent');
    // Answered when the first write gave up (its turn freed), by its own deadline.
    expect(waited.ms).toBeLessThan(1_250);
    await sleep(200);
    expect(urlsWritten(konpro.seen)).toEqual(['https://1.example.com']);
  });

  it('with If-Match, check and write together never outlast the one deadline', async () => {
    const konpro = await slowKonpro((call, response) => {
      // Each call alone is well within the deadline; the two together are not.
      setTimeout(() => {
        if (call.method === 'GET') json(response, { data: [stored] });
        else json(response, stored);
      }, 600);
    });
    const port = await editorServer(konpro.port, 1_000);
    const saved = save(
      port,
      { endpoint_id: 'ep_1', events: ['video.updated'] },
      { 'if-match': endpointVersion(stored) },
    );
    const answer = await saved.answer;
    expect(answer.status).toBe(504);
    expect(answer.json).toMatchObject(apiError('UPSTREAM_TIMEOUT'));
    expect(answer.ms).toBeGreaterThanOrEqual(950);
    // The two calls alone would take 1.2 s and succeed.
    expect(answer.ms).toBeLessThan(1_500);
    expect(konpro.seen.map((call) => call.method)).toEqual(['GET', 'PATCH']);
  });

  it("ends, by default, seconds before the page's own timeout", () => {
    const parsed = parseSettings({
      KONPRO_API_BASE: 'https://api.konpro.test',
      KONPRO_API_KEY: KEY,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.settings.upstreamTimeoutMs).toBeLessThanOrEqual(PAGE_TIMEOUT_MS - 5_000);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i += 1) await sleep(5);
  expect(condition()).toBe(true);
}
