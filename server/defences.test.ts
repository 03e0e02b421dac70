// Each defence of SECURITY.md, attacked the way a hostile page or client would. Every case also
// checks that the upstream (which spends the key) was never called.
import { describe, expect, it } from 'vitest';
import { apiError } from './test-support/emulator-harness';
import { jsonAnswer, proxyApp } from './test-support/proxy-app';
import { listening, rawRequest } from './test-support/raw-http';

const LIST = '/api/v1/webhook/endpoint.list';
const list = () => jsonAnswer({ data: [] });

describe('only the five routes of the table reach Konpro', () => {
  it.each([
    ['GET', '/api/v1/webhook/endpoint.list', 200],
    ['GET', '/api/v1/webhook/webhook.list', 200],
    ['PATCH', '/api/v1/webhook/endpoint.update', 200],
    ['POST', '/api/v1/webhook/endpoint.add', 200],
    ['DELETE', '/api/v1/webhook/endpoint.delete?endpoint_id=ep_1', 200],
  ])('%s %s is forwarded', async (method, path, status) => {
    const { app, seen } = proxyApp((request) =>
      jsonAnswer(request.url.endsWith('.list') ? { data: [] } : { endpoint_id: 'ep_1' }),
    );
    const body = method === 'PATCH' || method === 'POST' ? '{"endpoint_id":"ep_1"}' : undefined;
    const headers = body ? { 'content-type': 'application/json' } : undefined;
    const response = await app.request(path, { method, body, headers });
    expect(response.status).toBe(status);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['GET', '/api/v1/webhook/endpoint%2elist', 404],
    ['GET', '/api/v1/webhook/endpoint%2Elist', 404],
    ['GET', '/api/v1/webhook/%65ndpoint.list', 404],
    ['GET', '/api/v1/webhook/endpoint.list/', 404],
    ['GET', '/api/v1/webhook/endpoint.list;x', 404],
    ['GET', '/api/v1/webhook/ENDPOINT.LIST', 404],
    ['GET', '/api/v1//webhook/endpoint.list', 404],
    ['GET', '/api/v1/webhook/endpoint.list?x=1', 400],
    ['GET', '/api/v1/webhook/endpoint.list?', 200],
    ['GET', '/api/v1/webhook/webhook.list?endpoint_id=1', 400],
    ['GET', '/api/v1/user/me', 404],
    ['GET', '/api/v2/webhook/endpoint.list', 404],
    ['GET', '/api/v1/video/list', 404],
    ['POST', '/api/v1/webhook/endpoint.list', 405],
    ['PUT', '/api/v1/webhook/endpoint.update', 405],
    ['GET', '/api/v1/webhook/endpoint.update', 405],
    ['OPTIONS', '/api/v1/webhook/endpoint.update', 405],
    ['HEAD', '/api/v1/webhook/endpoint.list', 405],
    ['DELETE', '/api/v1/webhook/endpoint.delete', 400],
    ['DELETE', '/api/v1/webhook/endpoint.delete?endpoint_id=', 400],
    ['DELETE', '/api/v1/webhook/endpoint.delete?endpoint_id=a&endpoint_id=b', 400],
    ['DELETE', '/api/v1/webhook/endpoint.delete?endpoint_id=a&all=1', 400],
    ['PATCH', '/api/v1/webhook/endpoint.update?endpoint_id=ep_1', 400],
  ])('%s %s answers %i', async (method, path, status) => {
    const { app, seen } = proxyApp(list);
    const response = await app.request(path, { method });
    expect(response.status).toBe(status);
    if (status !== 200) {
      expect(seen).toHaveLength(0);
      if (method !== 'HEAD') expect(await response.json()).toMatchObject({ request_id: /^req_/ });
    }
    if (status === 405) expect(response.headers.get('allow')).toMatch(/^(GET|PATCH|POST|DELETE)/);
  });

  it('never answers a preflight with CORS headers', async () => {
    const { app, seen } = proxyApp(list);
    const response = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(
      [...response.headers.keys()].filter((name) => name.startsWith('access-control')),
    ).toEqual([]);
    expect(seen).toHaveLength(0);
  });
});

describe('only pages of this origin may call /api', () => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ 'sec-fetch-site': 'same-site' }, 403],
    [{ 'sec-fetch-site': 'same-origin' }, 200],
    [{ 'sec-fetch-site': 'none' }, 200],
    [{ origin: 'https://evil.example' }, 403],
    [{ origin: 'http://localhost.evil.example' }, 403],
    [{ origin: 'http://localhost:4174' }, 403],
    [{ origin: 'null' }, 403],
    [{ origin: 'file://' }, 403],
    [{ origin: 'http://localhost' }, 200],
    [{ origin: 'https://localhost' }, 200],
    [{ origin: 'http://localhost', 'sec-fetch-site': 'cross-site' }, 403],
    [{}, 200],
  ])('GET and PATCH with %j answer %i', async (headers, status) => {
    const { app, seen } = proxyApp((request) =>
      jsonAnswer(request.method === 'GET' ? { data: [] } : { endpoint_id: 'ep_1' }),
    );
    const get = await app.request(LIST, { headers });
    expect(get.status).toBe(status);
    const patch = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"endpoint_id":"ep_1"}',
    });
    expect(patch.status).toBe(status);
    if (status === 403) {
      expect(await get.json()).toMatchObject(apiError('CROSS_SITE_REQUEST'));
      expect(seen).toHaveLength(0);
    }
  });

  it.each([
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/json-patch',
    'text/json',
  ])('refuses a body sent as %s with 415, before Konpro', async (type) => {
    const { app, seen } = proxyApp(list);
    const response = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { 'content-type': type },
      body: '{"endpoint_id":"ep_1","url":"https://evil.example"}',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject(apiError('UNSUPPORTED_MEDIA_TYPE'));
    expect(seen).toHaveLength(0);
  });

  it('refuses a body without any content type', async () => {
    const { app, seen } = proxyApp(list);
    const response = await app.request('/api/v1/webhook/endpoint.add', {
      method: 'POST',
      body: new Blob(['{"url":"https://evil.example"}']),
    });
    expect(response.status).toBe(415);
    expect(seen).toHaveLength(0);
  });
});

describe('only the allowed host names are answered', () => {
  // A public name without sign-in stops the start; a proxy in front that signs admins in is one way.
  const BEHIND_PROXY = { KONPRO_AUTH: 'none' };
  it.each([
    ['localhost', {}, 200],
    ['localhost:4173', {}, 200],
    ['127.0.0.1:9', {}, 200],
    ['[::1]:4173', {}, 200],
    ['LOCALHOST', {}, 200],
    ['evil.example', {}, 421],
    ['localhost.evil.example', {}, 421],
    ['127.0.0.1.nip.io', {}, 421],
    ['localhost@evil.example', {}, 421],
    ['editor.example.com', {}, 421],
    ['editor.example.com', { ALLOWED_HOSTS: 'editor.example.com', ...BEHIND_PROXY }, 200],
    ['editor.example.com:8443', { ALLOWED_HOSTS: 'editor.example.com', ...BEHIND_PROXY }, 200],
    ['editor.example.com:8443', { ALLOWED_HOSTS: 'editor.example.com:443', ...BEHIND_PROXY }, 421],
    ['editor.example.com:443', { ALLOWED_HOSTS: 'editor.example.com:443', ...BEHIND_PROXY }, 200],
    ['localhost', { ALLOWED_HOSTS: 'editor.example.com', ...BEHIND_PROXY }, 421],
    ['localhost:4173', { ALLOWED_HOSTS: 'localhost:4173,[::1]' }, 200],
  ])('Host %s with %j answers %i', async (host, env, status) => {
    const { app, seen } = proxyApp(list, env);
    const response = await app.request(`http://${host.replace(/@.*/, '')}${LIST}`, {
      headers: { host },
    });
    expect(response.status).toBe(status);
    if (status === 421) {
      expect(await response.json()).toMatchObject(apiError('MISDIRECTED_REQUEST'));
      expect(seen).toHaveLength(0);
    }
  });
});

describe('spellings that only a socket can send', () => {
  const paths = [
    '/api/v1/webhook/x/../endpoint.list',
    '/api/v1/webhook/./endpoint.list',
    '/api/v1/webhook/%2e/endpoint.list',
    '/api/v1/webhook/%2E%2E/webhook/endpoint.list',
    '/api/v1/x/%2e%2e/webhook/endpoint.list',
    '/api/v1/webhook/.%2e/webhook/endpoint.list',
    '/api/v1/webhook/endpoint.list/.',
    '/api/v1/webhook//endpoint.list',
    '/api/./v1/webhook/endpoint.list',
    '/x/../api/v1/webhook/endpoint.list',
    '/api/v1/webhook/endpoint.list#x',
    '/api/v1/webhook/endpoint%00.list',
  ];

  it.each(paths)('GET %s never reaches Konpro', async (path) => {
    const { app, seen } = proxyApp(list);
    const port = await listening(app);
    const answer = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(seen).toHaveLength(0);
  });

  it('still forwards the plain spelling over a socket (the cases above are not refused by accident)', async () => {
    const { app, seen } = proxyApp(list);
    const port = await listening(app);
    const answer = await rawRequest(port, `GET ${LIST} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('refuses an absolute request target that names another host', async () => {
    const { app, seen } = proxyApp(list);
    const port = await listening(app);
    const answer = await rawRequest(
      port,
      `GET http://evil.example${LIST} HTTP/1.1\r\nHost: 127.0.0.1:${port}`,
    );
    expect(answer.status).toBe(421);
    expect(seen).toHaveLength(0);
  });

  it('refuses a Host header of a rebound name', async () => {
    const { app, seen } = proxyApp(list);
    const port = await listening(app);
    const answer = await rawRequest(port, `GET ${LIST} HTTP/1.1\r\nHost: rebind.evil.example`);
    expect(answer.status).toBe(421);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(seen).toHaveLength(0);
  });

  it('gives up on a request body that never arrives, without calling Konpro', async () => {
    const { app, seen } = proxyApp(list);
    const port = await listening(app, { headersMs: 300, requestMs: 400, checkEveryMs: 50 });
    const answer = await rawRequest(
      port,
      'PATCH /api/v1/webhook/endpoint.update HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100`,
      { body: '{"endpoint_id":', endRequest: false },
    );
    expect(answer.status).toBe(408);
    expect(seen).toHaveLength(0);
  });
});
