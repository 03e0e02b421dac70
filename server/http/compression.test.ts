import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressLists } from './compression';

const LIST = '/api/v1/webhook/endpoint.list';
const CATALOG = '/api/v1/webhook/webhook.list';
const big = {
  data: Array.from({ length: 100 }, (_, i) => `https://hooks-${i}.example.com/konpro`),
};
const saved = {
  endpoint_id: 'ep_1',
  url: 'https://typed-by-the-admin.example.com/'.padEnd(2000, 'x'),
  secret: 'whsec_0123456789abcdef',
};

function app() {
  const hono = new Hono();
  hono.use(compressLists());
  hono.get(LIST, (c) => c.json(big));
  hono.get(CATALOG, (c) => c.json({ data: ['avatar_video.success'] }));
  hono.patch('/api/v1/webhook/endpoint.update', (c) => c.json(saved));
  hono.post('/api/v1/webhook/endpoint.add', (c) => c.json(saved));
  hono.get('/api/v1/webhook/endpoint.secret', (c) => c.json(saved));
  hono.get('/v1/webhook/endpoint.list', (c) => c.json(big));
  hono.get('/api/v1/webhook/failing.list', (c) => c.json(big, 500));
  return hono;
}

const asBrowser = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('compressLists', () => {
  it('sends endpoint.list with brotli to a browser, which lists gzip first', async () => {
    const response = await app().request(LIST, { headers: asBrowser });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(JSON.parse(brotliDecompressSync(bytes).toString())).toEqual(big);
  });

  it('follows the weights the browser gives, and sends gzip where brotli is refused', async () => {
    for (const header of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const response = await app().request(LIST, { headers: { 'accept-encoding': header } });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      const json = gunzipSync(Buffer.from(await response.arrayBuffer())).toString();
      expect(JSON.parse(json)).toEqual(big);
    }
  });

  it('sends the answer as it is when no encoding is accepted, still saying Vary', async () => {
    const choices: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': '*;q=0' },
    ];
    for (const headers of choices) {
      const response = await app().request(LIST, { headers });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(await response.json()).toEqual(big);
    }
  });

  it('leaves small answers and errors as they are', async () => {
    const small = await app().request(CATALOG, { headers: asBrowser });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ data: ['avatar_video.success'] });
    const failed = await app().request('/api/v1/webhook/failing.list', { headers: asBrowser });
    expect(failed.headers.get('content-encoding')).toBeNull();
  });

  it('never compresses an answer holding a secret beside text the user typed (BREACH)', async () => {
    const hono = app();
    const json = { 'content-type': 'application/json' };
    const answers = [
      await hono.request('/api/v1/webhook/endpoint.update', {
        method: 'PATCH',
        headers: { ...asBrowser, ...json },
        body: '{}',
      }),
      await hono.request('/api/v1/webhook/endpoint.add', {
        method: 'POST',
        headers: { ...asBrowser, ...json },
        body: '{}',
      }),
      await hono.request('/api/v1/webhook/endpoint.secret?endpoint_id=ep_1', {
        headers: asBrowser,
      }),
      // Konpro's own list carries secrets; only /api's (stripped) list is compressed.
      await hono.request('/v1/webhook/endpoint.list', { headers: asBrowser }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('content-encoding')).toBeNull();
      expect(await answer.text()).toContain('https://');
    }
  });

  it('compresses only paths spelled exactly as the list routes', async () => {
    const hono = new Hono();
    hono.use(compressLists());
    hono.get('*', (c) => c.json(big));
    for (const path of ['/api/v1/webhook/endpoint%2Elist', '/api/v1/webhook/endpoint.list/']) {
      const response = await hono.request(path, { headers: asBrowser });
      expect(response.headers.get('content-encoding')).toBeNull();
    }
  });
});
