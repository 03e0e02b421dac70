import { describe, expect, it } from 'vitest';
import { endpointVersion } from '../../contract/endpoint-version';
import { MAX_BODY_BYTES } from '../http/read-body';
import { apiError } from '../test-support/emulator-harness';
import { jsonAnswer, PROXY_KEY, proxyApp } from '../test-support/proxy-app';
import { MAX_ANSWER_BYTES } from './upstream-call';

const LIST = '/api/v1/webhook/endpoint.list';
const UPDATE = '/api/v1/webhook/endpoint.update';
const SECRET = '/api/v1/webhook/endpoint.secret';
const endpoint = {
  endpoint_id: 'ep_1',
  url: 'https://a.example.com/hook',
  secret: 'whsec_1',
  status: 'enabled',
  events: ['video.created'],
};
const patch = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('the forwarder', () => {
  it("sends a matched route to Konpro with the server's key and nothing of the browser's", async () => {
    const { app, seen } = proxyApp(() => jsonAnswer(endpoint));
    await app.request(UPDATE, {
      ...patch({ endpoint_id: 'ep_1' }),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-api-key': 'browser_key',
        cookie: 'session=abc',
        authorization: 'Bearer browser',
        'x-custom': 'nope',
      },
    });
    const [sent] = seen;
    expect(sent?.method).toBe('PATCH');
    expect(sent?.url).toBe('https://api.konpro.test/v1/webhook/endpoint.update');
    expect(Object.fromEntries(sent?.headers ?? [])).toEqual({
      'x-api-key': PROXY_KEY,
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(await sent?.text()).toBe('{"endpoint_id":"ep_1"}');
  });

  it('builds the query of a delete from the parsed endpoint_id, encoded', async () => {
    const { app, seen } = proxyApp(() => jsonAnswer({ endpoint_id: 'a&b=c', status: 'deleted' }));
    const response = await app.request('/api/v1/webhook/endpoint.delete?endpoint_id=a%26b%3Dc', {
      method: 'DELETE',
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.url).toBe(
      'https://api.konpro.test/v1/webhook/endpoint.delete?endpoint_id=a%26b%3Dc',
    );
  });

  it('keeps every endpoint secret of the list on the server, in every envelope the page reads', async () => {
    const bodies = [
      { data: [endpoint] },
      { endpoints: [endpoint] },
      [endpoint],
      { code: 100, data: [endpoint], message: null },
      { data: { endpoints: [endpoint] } },
    ];
    for (const body of bodies) {
      const { app } = proxyApp(() => jsonAnswer(body));
      const response = await app.request(LIST);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain('whsec_1');
      expect(text).not.toContain('"secret"');
      expect(text).toContain('ep_1');
    }
    // A save's answer still carries its secret: that is where the editor shows it.
    const { app } = proxyApp(() => jsonAnswer(endpoint));
    expect(await (await app.request(UPDATE, patch({ endpoint_id: 'ep_1' }))).text()).toContain(
      'whsec_1',
    );
  });

  it('strips every key naming a secret, in any case and nesting, from every list answer', async () => {
    const item = {
      ...endpoint,
      Secret: 'whsec_a',
      signing_secret: 'whsec_b',
      SECRET_KEY: 'whsec_c',
      config: { clientSecret: 'whsec_d', retries: 3, hooks: [{ hook_secret: 'whsec_e', n: 1 }] },
    };
    const list = proxyApp(() => jsonAnswer({ data: [item] }));
    const listed = await list.app.request(LIST);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      data: [
        {
          endpoint_id: 'ep_1',
          url: 'https://a.example.com/hook',
          status: 'enabled',
          events: ['video.created'],
          config: { retries: 3, hooks: [{ n: 1 }] },
        },
      ],
    });
    // The event catalogue is a list answer too: an upstream that sends objects there is stripped.
    const events = proxyApp(() =>
      jsonAnswer({
        code: 100,
        data: [{ name: 'video.created', Webhook_Secret: 'whsec_g' }],
        secretHint: 'whsec_h',
      }),
    );
    const text = await (await events.app.request('/api/v1/webhook/webhook.list')).text();
    expect(JSON.parse(text)).toEqual({ code: 100, data: [{ name: 'video.created' }] });
    expect(text).not.toMatch(/whsec|secret/i);
  });

  it('refuses a successful list it cannot read as one, rather than guess where secrets are', async () => {
    for (const body of [
      { items: [endpoint] },
      { data: 'x' },
      'a string',
      [{ secret: 'whsec_9' }],
    ]) {
      const { app } = proxyApp(() => jsonAnswer(body));
      const response = await app.request(LIST);
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).not.toContain('whsec');
      expect(JSON.parse(text)).toMatchObject(apiError('UPSTREAM_BAD_LIST'));
    }
  });

  it('passes back status, JSON body and only the documented headers', async () => {
    const { app } = proxyApp(
      () =>
        new Response('{"error":{"code":"RATE_LIMIT_EXCEEDED"}}', {
          status: 429,
          headers: {
            'content-type': 'application/json',
            'retry-after': '7',
            'x-request-id': 'req_up',
            'set-cookie': 'tracking=1',
            server: 'konpro/1.0',
            'access-control-allow-origin': '*',
          },
        }),
    );
    const response = await app.request(LIST);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: { code: 'RATE_LIMIT_EXCEEDED' } });
    expect(response.headers.get('retry-after')).toBe('7');
    // The page shows this server's id (its log line names Konpro's); Konpro's rides along.
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    expect(response.headers.get('x-upstream-request-id')).toBe('req_up');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('never returns the key when Konpro echoes it, and leaves every other text alone', async () => {
    const { app } = proxyApp(() =>
      jsonAnswer(
        { error: { message: `Bad key ${PROXY_KEY}`, [PROXY_KEY]: 1, note: 'server_side_key' } },
        { status: 401, headers: { 'x-request-id': PROXY_KEY } },
      ),
    );
    const response = await app.request('/api/v1/webhook/webhook.list');
    const text = await response.text();
    expect(text).not.toContain(PROXY_KEY);
    expect(JSON.parse(text)).toEqual({
      error: { message: 'Bad key [redacted]', '[redacted]': 1, note: 'server_side_key' },
    });
    expect([...response.headers].flat().join(' ')).not.toContain(PROXY_KEY);
  });

  it.each([
    ['text/html', '<script>alert(1)</script>', 200],
    ['text/html', '<h1>Bad gateway</h1>', 502],
    ['text/plain', '{"data":[]}', 200],
    ['application/json', '{"data": [', 200],
    ['application/json', '\xff\xfe', 200],
  ])('turns an answer of %s (%j, %i) into a 502 JSON error', async (type, body, status) => {
    const { app } = proxyApp(
      () => new Response(body, { status, headers: { 'content-type': type } }),
    );
    const response = await app.request(LIST);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_NOT_JSON'));
  });

  it('stops reading an answer past 5 MB and answers 502, declared or streamed', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    // 8 MB of spaces then the end: read whole, it would be malformed JSON, not "too large".
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 8 * 1024 * 1024) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
    const streamed = proxyApp(
      () => new Response(endless(), { headers: { 'content-type': 'application/json' } }),
    );
    const response = await streamed.app.request(LIST);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_TOO_LARGE'));
    expect(pulled).toBeLessThan(MAX_ANSWER_BYTES + 4 * chunk.byteLength);

    pulled = 0;
    const declared = proxyApp(
      () =>
        new Response(endless(), {
          headers: {
            'content-type': 'application/json',
            'content-length': String(MAX_ANSWER_BYTES + 1),
          },
        }),
    );
    expect((await declared.app.request(LIST)).status).toBe(502);
    // A declared length over the cap is refused before the body is read.
    expect(pulled).toBeLessThanOrEqual(chunk.byteLength);
  });

  it('turns a network failure into 502 UPSTREAM_UNREACHABLE', async () => {
    const { app } = proxyApp(() => Promise.reject(new TypeError('fetch failed')));
    const response = await app.request(LIST);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_UNREACHABLE'));
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('turns no answer within the timeout into 504 UPSTREAM_TIMEOUT and aborts the call', async () => {
    const { app, seen } = proxyApp(() => new Promise<Response>(() => undefined), {
      KONPRO_UPSTREAM_TIMEOUT_MS: '30',
    });
    const response = await app.request(LIST);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_TIMEOUT'));
    expect(seen[0]?.signal.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    const stalled = new ReadableStream({ start: () => undefined });
    const { app } = proxyApp(
      () => new Response(stalled, { headers: { 'content-type': 'application/json' } }),
      { KONPRO_UPSTREAM_TIMEOUT_MS: '30' },
    );
    expect((await app.request(LIST)).status).toBe(504);
  });

  it('refuses a body over 64 KB with 413 without calling Konpro', async () => {
    const { app, seen } = proxyApp(() => jsonAnswer({}));
    const response = await app.request('/api/v1/webhook/endpoint.add', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject(apiError('PAYLOAD_TOO_LARGE'));
    expect(seen).toHaveLength(0);
  });

  it('does not follow a redirect, which would hand the key to another host', async () => {
    const { app, seen } = proxyApp(
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } }),
    );
    const response = await app.request(LIST);
    expect(seen[0]?.redirect).toBe('manual');
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
  });

  it.each([101, 204, 205, 600])('answers 502 for an upstream status %i', async (status) => {
    const { app } = proxyApp(
      () =>
        ({
          status,
          headers: new Headers({ 'content-type': 'application/json' }),
          body: null,
          redirected: false,
          ok: false,
          arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
        }) as unknown as Response,
    );
    expect((await app.request(LIST)).status).toBe(502);
  });
});

describe("the server's secret route", () => {
  it("answers one endpoint's secret from the list", async () => {
    const other = { ...endpoint, endpoint_id: 'ep_2', secret: 'whsec_2' };
    const { app, seen } = proxyApp(() => jsonAnswer({ data: [endpoint, other] }));
    const response = await app.request(`${SECRET}?endpoint_id=ep_2`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ endpoint_id: 'ep_2', secret: 'whsec_2' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://api.konpro.test/v1/webhook/endpoint.list',
    ]);
  });

  it('answers 404 for an endpoint the list lacks, and passes on a failed list', async () => {
    const { app } = proxyApp(() => jsonAnswer([endpoint]));
    const missing = await app.request(`${SECRET}?endpoint_id=ep_9`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject(apiError('RESOURCE_NOT_FOUND'));

    const limited = proxyApp(() =>
      jsonAnswer({ error: { code: 'RATE_LIMIT_EXCEEDED' } }, { status: 429 }),
    );
    expect((await limited.app.request(`${SECRET}?endpoint_id=ep_1`)).status).toBe(429);
  });

  it('needs exactly one endpoint_id', async () => {
    const { app, seen } = proxyApp(() => jsonAnswer([endpoint]));
    for (const query of ['', '?endpoint_id=', '?endpoint_id=a&endpoint_id=b', '?id=ep_1']) {
      const response = await app.request(`${SECRET}${query}`);
      expect(response.status).toBe(400);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('writes to one endpoint', () => {
  it('run one at a time, while writes to other endpoints do not wait', async () => {
    const order: string[] = [];
    const release = new Map<string, () => void>();
    const { app } = proxyApp(async (request) => {
      // Each update first reads the endpoint as stored, to tell whether it changes anything.
      if (request.method === 'GET') {
        return jsonAnswer({ data: [endpoint, { ...endpoint, endpoint_id: 'ep_2' }] });
      }
      const body = (await request.json()) as { endpoint_id: string; url: string };
      order.push(`start ${body.url}`);
      await new Promise<void>((resolve) => release.set(body.url, resolve));
      order.push(`end ${body.url}`);
      return jsonAnswer({ ...endpoint, endpoint_id: body.endpoint_id, url: body.url });
    });
    const first = app.request(UPDATE, patch({ endpoint_id: 'ep_1', url: 'https://1.example' }));
    const second = app.request(UPDATE, patch({ endpoint_id: 'ep_1', url: 'https://2.example' }));
    const other = app.request(UPDATE, patch({ endpoint_id: 'ep_2', url: 'https://3.example' }));
    await vi_waitFor(() => order.length === 2);
    expect(order).toEqual(['start https://1.example', 'start https://3.example']);
    release.get('https://3.example')?.();
    await other;
    release.get('https://1.example')?.();
    await vi_waitFor(() => release.has('https://2.example'));
    release.get('https://2.example')?.();
    await Promise.all([first, second]);
    expect(order).toEqual([
      'start https://1.example',
      'start https://3.example',
      'end https://3.example',
      'end https://1.example',
      'start https://2.example',
      'end https://2.example',
    ]);
  });

  it('with If-Match, write only when the endpoint is still the version the change was based on', async () => {
    let current = { ...endpoint };
    const { app, seen } = proxyApp(async (request) => {
      if (request.method === 'GET') return jsonAnswer({ data: [current] });
      const body = (await request.json()) as { events: string[] };
      current = { ...current, events: body.events };
      return jsonAnswer(current);
    });
    const base = endpointVersion(endpoint);
    const ok = await app.request(
      UPDATE,
      patch({ endpoint_id: 'ep_1', events: ['video.updated'] }, { 'if-match': base }),
    );
    expect(ok.status).toBe(200);
    // The second admin's change was merged onto the endpoint before the first save.
    const stale = await app.request(
      UPDATE,
      patch({ endpoint_id: 'ep_1', events: ['avatar.updated'] }, { 'if-match': base }),
    );
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({
      error: { code: 'PRECONDITION_FAILED' },
      current: { endpoint_id: 'ep_1', events: ['video.updated'] },
    });
    expect(JSON.stringify(current.events)).toBe('["video.updated"]');
    expect(seen.map((request) => request.method)).toEqual(['GET', 'PATCH', 'GET']);
  });
});

async function vi_waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}
