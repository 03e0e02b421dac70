import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_PAGE, mountStaticFiles } from './static-files';
import { tempDir } from './test-support/temp-dir';

const LIST_HTML =
  '<!doctype html><title>Editor</title><script type="module" src="/assets/app-1a2b.js"></script>';
const DEEP_LINK_HTML = `${LIST_HTML}<link rel="modulepreload" href="/assets/editor-3c4d.js">`;
const SCRIPT = `export const text = "${'webhook '.repeat(200)}";`;
const EMBED = `export function mount() { return "${'portal '.repeat(300)}"; }`;

/** A file with the brotli and gzip copies the build makes beside it. */
async function writeWithCopies(path: string, text: string) {
  await writeFile(path, text);
  await writeFile(`${path}.br`, brotliCompressSync(text));
  await writeFile(`${path}.gz`, gzipSync(text));
}

async function builtApp() {
  const dir = await tempDir();
  const client = join(dir, 'client');
  await mkdir(join(client, 'assets'), { recursive: true });
  await mkdir(join(dir, 'embed', 'assets'), { recursive: true });
  await writeWithCopies(join(client, 'index.html'), LIST_HTML);
  await writeWithCopies(join(client, DEEP_LINK_PAGE), DEEP_LINK_HTML);
  await writeWithCopies(join(client, 'assets', 'app-1a2b.js'), SCRIPT);
  await writeFile(join(client, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  await writeWithCopies(join(dir, 'embed', 'konpro-webhook-editor.js'), EMBED);
  await writeWithCopies(join(dir, 'embed', 'assets', 'konpro-webhook-editor-5e6f.js'), EMBED);
  const app = new Hono();
  mountStaticFiles(app, client);
  return app;
}

const asBrowser = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('static files', () => {
  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip', async () => {
    const app = await builtApp();
    const br = await app.request('/assets/app-1a2b.js', { headers: asBrowser });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);

    const gz = await app.request('/assets/app-1a2b.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it('sends the plain file, still saying Vary, to a client that accepts no encoding', async () => {
    const app = await builtApp();
    const plain = await app.request('/assets/app-1a2b.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('keeps hashed files for a year and revalidates the rest', async () => {
    const app = await builtApp();
    const hashed = await app.request('/assets/app-1a2b.js', { headers: asBrowser });
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const pinned = await app.request('/embed/assets/konpro-webhook-editor-5e6f.js');
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/embed/konpro-webhook-editor.js', '/robots.txt']) {
      const response = await app.request(path, { headers: asBrowser });
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    }
  });

  it('answers If-None-Match with 304 for the page and the embed module', async () => {
    const app = await builtApp();
    for (const path of ['/', '/?endpoint_id=ep_1', '/embed/konpro-webhook-editor.js']) {
      const first = await app.request(path, { headers: asBrowser });
      const tag = first.headers.get('etag') ?? '';
      const again = await app.request(path, { headers: { ...asBrowser, 'if-none-match': tag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect(again.headers.get('vary')).toBe('Accept-Encoding');
      expect(again.headers.get('cache-control')).toBe('no-cache');
      // A new build has new bytes, so an old tag gets the whole file.
      const stale = await app.request(path, { headers: { ...asBrowser, 'if-none-match': '"0"' } });
      expect(stale.status).toBe(200);
    }
  });

  it('tags each encoding apart, so a cache never answers 304 for another encoding', async () => {
    const app = await builtApp();
    const tags = new Set<string | null>();
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await app.request('/embed/konpro-webhook-editor.js', {
        headers: { 'accept-encoding': encoding },
      });
      tags.add(response.headers.get('etag'));
    }
    expect(tags.size).toBe(3);
  });

  it('serves the page that preloads the editor only to links that open an endpoint', async () => {
    const app = await builtApp();
    expect(await (await app.request('/')).text()).toBe(LIST_HTML);
    expect(await (await app.request('/?endpoint_id=ep_1')).text()).toBe(DEEP_LINK_HTML);
    expect(await (await app.request('/some/route?endpoint_id=ep_1')).text()).toBe(DEEP_LINK_HTML);
    expect(await (await app.request('/some/route')).text()).toBe(LIST_HTML);
  });

  it('serves /robots.txt as text, not the app page', async () => {
    const app = await builtApp();
    const robots = await app.request('/robots.txt');
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
  });
});
