// The package's `/server` handler as a portal mounts it: under its own base path, with its own
// `authorize`, in front of a fake Konpro that records every call. Each defence is attacked here
// through the handler alone; server/defences.test.ts attacks the same routes through `/api`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { endpointVersion } from '../../contract/endpoint-version';
import { apiError } from '../test-support/emulator-harness';
import { jsonAnswer } from '../test-support/proxy-app';
import { rawRequest } from '../test-support/raw-http';
import type { AuditLine } from '../log/audit';
import { tempDir } from '../test-support/temp-dir';
import {
  createWebhookEditorApi,
  openWebhookEditorStore,
  type WebhookEditorAccess,
  type WebhookEditorApiOptions,
} from './editor-api';

const KEY = 'portal_konpro_key_0123456789';
const ORIGIN = 'https://portal.example';
const BASE = `${ORIGIN}/portal-api/v1/webhook`;
const TOKEN = { authorization: 'Bearer good-token' };
const ENDPOINT = {
  endpoint_id: 'ep_1',
  url: 'https://hooks.example.com/a',
  events: ['avatar_video.success'],
  status: 'enabled',
  created_at: '2026-11-02T09:30:00Z',
  secret: 'whsec_list_secret',
};

type Answer = (request: Request) => Response | Promise<Response>;

function portal(answer: Answer, options: Partial<WebhookEditorApiOptions> = {}) {
  const seen: Request[] = [];
  const audit: AuditLine[] = [];
  const logged: string[] = [];
  const api = createWebhookEditorApi({
    apiKey: KEY,
    apiBase: 'https://api.konpro.test',
    basePath: '/portal-api',
    authorize: (request): WebhookEditorAccess =>
      request.headers.get('authorization') === TOKEN.authorization ? { actor: 'ana@portal' } : null,
    onAudit: (line) => audit.push(line),
    fetch: async (request) => {
      seen.push(request);
      return answer(request);
    },
    log: (line) => logged.push(line),
    ...options,
  });
  const call = (path: string, init: RequestInit = {}) =>
    api(new Request(path.startsWith('http') ? path : `${BASE}/${path}`, init));
  return { api, call, seen, audit, logged };
}

const list = () => jsonAnswer({ data: [ENDPOINT] });
const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PATCH',
  headers: { ...TOKEN, 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('createWebhookEditorApi', () => {
  it('forwards the editor’s calls with the portal’s key, and only the key', async () => {
    const { call, seen } = portal(list);
    const response = await call('endpoint.list', {
      headers: { ...TOKEN, cookie: 'portal_session=abc', 'x-api-key': 'the-browser-s-own' },
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.konpro.test/v1/webhook/endpoint.list');
    expect(seen[0]?.headers.get('x-api-key')).toBe(KEY);
    expect(seen[0]?.headers.get('cookie')).toBeNull();
    expect(seen[0]?.headers.get('authorization')).toBeNull();
    const text = await response.text();
    expect(text).not.toContain('whsec_');
    expect(text).not.toContain(KEY);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it('answers 401 and reaches nothing when authorize names nobody', async () => {
    const { call, seen, audit } = portal(list);
    const response = await call(
      'endpoint.update',
      patch({ endpoint_id: 'ep_1', url: 'https://x.example' }, { authorization: 'Bearer old' }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject(apiError('UNAUTHORIZED'));
    expect(seen).toHaveLength(0);
    // A refused write is audited too, with nobody named.
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'endpoint.update',
        actor: null,
        endpoint_id: 'ep_1',
        status: 401,
      }),
    ]);
  });

  it('sends the Response authorize gives, e.g. a 403 for someone signed in but not allowed', async () => {
    const { call, seen } = portal(list, {
      authorize: () =>
        Response.json({ error: { code: 'NOT_ALLOWED', message: 'no' } }, { status: 403 }),
    });
    const response = await call('endpoint.list', { headers: TOKEN });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(seen).toHaveLength(0);
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('token store down');
      },
    ],
    ['names an empty actor', () => ({ actor: '' })],
    ['resolves to undefined', () => undefined as unknown as null],
  ])('answers 500 and reaches nothing when authorize %s', async (_, authorize) => {
    const { call, seen, logged } = portal(list, { authorize });
    const response = await call('endpoint.list', { headers: TOKEN });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject(apiError('INTERNAL_ERROR'));
    expect(seen).toHaveLength(0);
    expect(logged.join('\n')).toMatch(/token store down|authorize must resolve/);
  });

  it('audits a write with the actor authorize named, the request id and field names only', async () => {
    const { call, audit } = portal((request) =>
      request.method === 'GET' ? list() : jsonAnswer({ ...ENDPOINT, url: 'https://new.example/h' }),
    );
    const response = await call(
      'endpoint.update',
      patch({ endpoint_id: 'ep_1', url: 'https://new.example/h' }),
    );
    expect(response.status).toBe(200);
    expect(audit).toEqual([
      {
        audit: true,
        action: 'endpoint.update',
        actor: 'ana@portal',
        endpoint_id: 'ep_1',
        changed: ['url'],
        status: 200,
        request_id: response.headers.get('x-request-id'),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('new.example');
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ 'sec-fetch-site': 'same-site' }, 403],
    [{ origin: 'https://evil.example' }, 403],
    [{ origin: 'null' }, 403],
    [{ origin: ORIGIN, 'sec-fetch-site': 'same-origin' }, 200],
    [{}, 200],
  ])('a request with %j answers %i', async (headers, status) => {
    const { call, seen } = portal(list);
    const response = await call('endpoint.list', { headers: { ...TOKEN, ...headers } });
    expect(response.status).toBe(status);
    if (status === 403) expect(seen).toHaveLength(0);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a body sent as %s with 415',
    async (type) => {
      const { call, seen } = portal(list);
      const response = await call(
        'endpoint.update',
        patch({ endpoint_id: 'ep_1' }, { 'content-type': type }),
      );
      expect(response.status).toBe(415);
      expect(seen).toHaveLength(0);
    },
  );

  it('refuses a body over 64 KB with 413', async () => {
    const { call, seen } = portal(list);
    const response = await call('endpoint.add', {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `https://x.example/${'a'.repeat(70_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['GET', `${ORIGIN}/portal-api/v1/user/me`, 404],
    ['GET', `${ORIGIN}/portal-api/v1/webhook/endpoint.list?x=1`, 400],
    ['GET', `${ORIGIN}/portal-api/v1/webhook/ENDPOINT.LIST`, 404],
    ['GET', `${ORIGIN}/portal-api/v1/webhook/endpoint%2elist`, 404],
    ['POST', `${ORIGIN}/portal-api/v1/webhook/endpoint.list`, 405],
    ['GET', `${ORIGIN}/v1/webhook/endpoint.list`, 404],
    ['GET', `${ORIGIN}/portal-apix/v1/webhook/endpoint.list`, 404],
    ['GET', `${ORIGIN}/`, 404],
  ])('%s %s answers %i JSON and reaches nothing', async (method, url, status) => {
    const { call, seen } = portal(list);
    const response = await call(url, { method, headers: TOKEN });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(seen).toHaveLength(0);
  });

  it('serves a secret from the list on its own route, and strips secrets from the list', async () => {
    const { call, audit } = portal(() =>
      jsonAnswer({ data: [{ ...ENDPOINT, nested: { Signing_Secret: 'x' } }] }),
    );
    const listed = await call('endpoint.list', { headers: TOKEN });
    expect(JSON.stringify(await listed.json())).not.toMatch(/secret/i);
    const secret = await call('endpoint.secret?endpoint_id=ep_1', { headers: TOKEN });
    expect(await secret.json()).toEqual({ endpoint_id: 'ep_1', secret: 'whsec_list_secret' });
    expect(audit.map((line) => line.action)).toEqual(['endpoint.secret']);
  });

  it('refuses a write whose If-Match names a version the endpoint no longer has (412)', async () => {
    const { call, seen } = portal(list);
    const stale = await call(
      'endpoint.update',
      patch({ endpoint_id: 'ep_1', url: 'https://mine.example/h' }, { 'if-match': '"stale"' }),
    );
    expect(stale.status).toBe(412);
    expect(seen.map((request) => request.method)).toEqual(['GET']);
    const current = await call(
      'endpoint.update',
      patch(
        { endpoint_id: 'ep_1', url: 'https://mine.example/h' },
        { 'if-match': endpointVersion(ENDPOINT) },
      ),
    );
    expect(current.status).toBe(200);
    expect(seen.map((request) => request.method)).toEqual(['GET', 'GET', 'PATCH']);
  });

  it('runs two writes to one endpoint one at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const { call } = portal(async (request) => {
      if (request.method === 'GET') return list();
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      return jsonAnswer(ENDPOINT);
    });
    const body = { endpoint_id: 'ep_1', events: ['avatar_video.fail'] };
    const answers = await Promise.all([
      call('endpoint.update', patch(body)),
      call('endpoint.update', patch(body)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(most).toBe(1);
  });

  it('turns an upstream that is not JSON into a 502, and follows no redirect', async () => {
    const html = portal(() => new Response('<html>', { headers: { 'content-type': 'text/html' } }));
    expect((await html.call('endpoint.list', { headers: TOKEN })).status).toBe(502);
    const moved = portal(
      () => new Response(null, { status: 307, headers: { location: 'https://evil.example/' } }),
    );
    const response = await moved.call('endpoint.list', { headers: TOKEN });
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(moved.seen).toHaveLength(1);
  });

  it('answers at the root when basePath is ""', async () => {
    const { call, seen } = portal(list, { basePath: '' });
    const response = await call(`${ORIGIN}/v1/webhook/endpoint.list`, { headers: TOKEN });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  // A Web Request's URL is parsed, so `..` and `#` are folded before the handler sees them; what
  // folds can only name a route of the table. What survives parsing is judged as /api judges it.
  it('keeps its defences behind a real socket, where paths arrive unfolded', async () => {
    const { api, seen } = portal(list, { authorize: () => ({ actor: 'ana@portal' }) });
    // As a Hono or plain Node portal mounts it.
    const listener = getRequestListener(api);
    const server = createServer((request, response) => void listener(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
    const { port } = server.address() as AddressInfo;
    for (const path of [
      '/portal-api/v1/webhook/endpoint%2elist',
      '/portal-api/v1//webhook/endpoint.list',
      '/portal-api/v1/webhook/endpoint%00.list',
    ]) {
      const answer = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('createWebhookEditorApi: the URL check', () => {
  const check = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { ...TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('offers endpoint.check, answered by the handler itself, and audits the host', async () => {
    const { call, seen, audit } = portal(list);
    const response = await call(
      'endpoint.check',
      check({ url: 'https://hooks.example/in', event_type: 'avatar_video.success' }),
    );
    expect(response.status).toBe(200);
    // A name that never resolves (RFC 6761): the check fails before any connection.
    expect(await response.json()).toMatchObject({ ok: false, tls: null, delivery: null });
    expect(seen).toHaveLength(0);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'endpoint.check',
        actor: 'ana@portal',
        endpoint_id: null,
        host: 'hooks.example',
        status: 200,
      }),
    ]);
  });

  it('admits no loopback receiver: a portal runs on other machines', async () => {
    const { call } = portal(list);
    for (const url of ['https://127.0.0.1:8443/', 'https://localhost:8443/', 'https://[::1]/']) {
      const response = await call('endpoint.check', check({ url, event_type: 'batch.finished' }));
      expect(response.status, url).toBe(400);
      expect(await response.json()).toMatchObject(apiError('VALIDATION_ERROR', { field: 'url' }));
    }
  });

  it('answers 401 and checks nothing when authorize names nobody', async () => {
    const { api, audit } = portal(list);
    const response = await api(
      new Request(`${BASE}/endpoint.check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'https://hooks.example.com/', event_type: 'batch.finished' }),
      }),
    );
    expect(response.status).toBe(401);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'endpoint.check', actor: null, host: 'hooks.example.com' }),
    ]);
  });
});

describe('createWebhookEditorApi with a store', () => {
  it('keeps the history of writes by the actor authorize named, and serves it', async () => {
    const store = await openWebhookEditorStore({ folder: await tempDir() });
    const { call } = portal(
      (request) =>
        request.method === 'GET'
          ? list()
          : jsonAnswer({ ...ENDPOINT, url: 'https://new.example/h' }),
      { store },
    );
    await call('endpoint.update', patch({ endpoint_id: 'ep_1', url: 'https://new.example/h' }));
    const history = await call('endpoint.history?endpoint_id=ep_1', { headers: TOKEN });
    expect(await history.json()).toEqual({
      data: [
        expect.objectContaining({
          actor: 'ana@portal',
          action: 'endpoint.update',
          changes: { url: { from: ENDPOINT.url, to: 'https://new.example/h' } },
        }),
      ],
    });
    // Reading the history needs an actor too.
    expect((await call('endpoint.history?endpoint_id=ep_1')).status).toBe(401);
  });

  it('answers 404 for the history without a store, so the editor hides it', async () => {
    const { call, seen } = portal(list);
    const response = await call('endpoint.history?endpoint_id=ep_1', { headers: TOKEN });
    expect(response.status).toBe(404);
    expect(seen).toHaveLength(0);
  });
});

describe('createWebhookEditorApi options', () => {
  const authorize = () => null;
  it.each([
    [{ authorize }, /apiKey is required/],
    [{ apiKey: '', authorize }, /apiKey must not be empty/],
    [{ apiKey: KEY }, /authorize must be a function/],
    [{ apiKey: KEY, authorize, apiBase: 'ftp://konpro.test' }, /apiBase must be an http\(s\) URL/],
    [
      { apiKey: KEY, authorize, apiBase: 'https://u:p@konpro.test' },
      /apiBase must not contain a user name/,
    ],
    [
      { apiKey: KEY, authorize, apiBase: 'https://api.konpro.ai/v1' },
      /apiBase must not end in \/v1/,
    ],
    [{ apiKey: KEY, authorize, basePath: 'portal-api' }, /basePath must be "" or a path/],
    [{ apiKey: KEY, authorize, basePath: '/portal-api/' }, /basePath must be "" or a path/],
    [{ apiKey: KEY, authorize, timeoutMs: 20_000 }, /timeoutMs must be below/],
    [{ apiKey: KEY, authorize, onAudit: 'yes' }, /onAudit must be a function/],
    [{ apiKey: KEY, authorize, apikey: KEY }, /unknown option "apikey"/],
    [{ apiKey: KEY, authorize, store: {} }, /store must come from openWebhookEditorStore/],
  ])('refuses %j with one clear line', (options, message) => {
    expect(() => createWebhookEditorApi(options as unknown as WebhookEditorApiOptions)).toThrow(
      message,
    );
  });

  it('never echoes the key in an error', () => {
    expect(() =>
      createWebhookEditorApi({ apiKey: KEY, authorize, apiBase: `https://${KEY}@x.test` }),
    ).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(KEY) as string }) as Error,
    );
  });
});
