// The forwarder against a real upstream over HTTP that misbehaves on purpose, through the real
// fetch, as it would meet a broken or hostile KONPRO_API_BASE.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../app';
import { parseSettings } from '../settings';
import { apiError } from '../test-support/emulator-harness';

const KEY = 'hostile_test_key_0123456789';

async function hostileUpstream(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
) {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  const parsed = parseSettings({
    KONPRO_API_BASE: `http://127.0.0.1:${port}`,
    KONPRO_API_KEY: KEY,
    KONPRO_UPSTREAM_TIMEOUT_MS: '2000',
    STATIC_DIR: '/nonexistent-static-dir',
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return createApp(parsed.settings, { log: () => undefined });
}

describe('a hostile upstream over HTTP', () => {
  it('cannot make the server buffer a 200 MB answer', async () => {
    let sent = 0;
    const app = await hostileUpstream((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => undefined);
      pump();
    });
    const response = await app.request('/api/v1/webhook/endpoint.list');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_TOO_LARGE'));
    // The connection was dropped soon after the cap, not read to the end.
    expect(sent).toBeLessThan(60 * 1024 * 1024);
  });

  it('cannot serve a page under /api, redirect the key, or read it back', async () => {
    const seenKeys: string[] = [];
    const app = await hostileUpstream((request, response) => {
      seenKeys.push(String(request.headers['x-api-key']));
      if (request.url?.includes('webhook.list')) {
        response.writeHead(302, { location: 'https://collector.evil.example/' }).end();
      } else if (request.method === 'PATCH') {
        response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': KEY }).end(
          JSON.stringify({
            error: { code: 'INVALID_API_KEY', message: `Key ${KEY} is not valid` },
          }),
        );
      } else {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<script>fetch("/api")</script>');
      }
    });
    const page = await app.request('/api/v1/webhook/endpoint.list');
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await page.text()).not.toContain('<script>');

    const redirected = await app.request('/api/v1/webhook/webhook.list');
    expect(redirected.status).toBe(502);
    expect(redirected.headers.get('location')).toBeNull();

    const echoed = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"endpoint_id":"ep_1"}',
    });
    const text = await echoed.text();
    expect(echoed.status).toBe(401);
    expect(text).not.toContain(KEY);
    expect([...echoed.headers].flat().join(' ')).not.toContain(KEY);
    expect(seenKeys).toEqual([KEY, KEY, KEY]);
  });

  it('gets a 504 when it sends headers and then stalls', async () => {
    const app = await hostileUpstream((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": [');
    });
    const response = await app.request('/api/v1/webhook/endpoint.list');
    expect(response.status).toBe(504);
  });
});
