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

async function builtApp({ languages = [] as string[] } = {}) {
  const dir = await tempDir();
  const client = join(dir, 'client');
  await mkdir(join(client, 'assets'), { recursive: true });
  await mkdir(join(dir, 'embed', 'assets'), { recursive: true });
  await writeWithCopies(join(client, 'index.html'), LIST_HTML);
  await writeWithCopies(join(client, DEEP_LINK_PAGE), DEEP_LINK_HTML);
  for (const language of languages) {
    await writeWithCopies(join(client, `index.${language}.html`), `${LIST_HTML}<!--${language}-->`);
    const deepLink = `${DEEP_LINK_HTML}<!--${language}-->`;
    await writeWithCopies(join(client, `deep-link.${language}.html`), deepLink);
  }
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

describe('pages in the browser’s language', () => {
  const inLanguage = (language: string) => ({ ...asBrowser, 'accept-language': language });

  it('sends the page in the language Accept-Language asks for, saying so', async () => {
    const app = await builtApp({ languages: ['ar', 'de'] });
    const list = await app.request('/', { headers: inLanguage('de-CH,de;q=0.9,en;q=0.8') });
    expect(brotliDecompressSync(Buffer.from(await list.arrayBuffer())).toString()).toBe(
      `${LIST_HTML}<!--de-->`,
    );
    expect(list.headers.get('content-language')).toBe('de');
    expect(list.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(list.headers.get('vary')).toMatch(/Accept-Language/);
    const deepLink = await app.request('/?endpoint_id=ep_1', { headers: inLanguage('ar-EG') });
    expect(brotliDecompressSync(Buffer.from(await deepLink.arrayBuffer())).toString()).toBe(
      `${DEEP_LINK_HTML}<!--ar-->`,
    );
    // A route of the app is its page too.
    const route = await app.request('/endpoints', { headers: inLanguage('de') });
    expect(brotliDecompressSync(Buffer.from(await route.arrayBuffer())).toString()).toBe(
      `${LIST_HTML}<!--de-->`,
    );
  });

  it('sends English to a browser that prefers it, asks for none it has, or sends no header', async () => {
    const app = await builtApp({ languages: ['de'] });
    for (const headers of [inLanguage('en-GB,de;q=0.9'), inLanguage('fr, zh'), asBrowser]) {
      const list = await app.request('/', { headers });
      expect(brotliDecompressSync(Buffer.from(await list.arrayBuffer())).toString()).toBe(
        LIST_HTML,
      );
      expect(list.headers.get('content-language')).toBe('en');
      expect(list.headers.get('vary')).toMatch(/Accept-Language/);
    }
  });

  it('tags each language apart, so a revalidation gets the language it asked for', async () => {
    const app = await builtApp({ languages: ['de'] });
    const german = await app.request('/', { headers: inLanguage('de') });
    const english = await app.request('/', { headers: inLanguage('en') });
    const tag = german.headers.get('etag');
    expect(tag).not.toBe(english.headers.get('etag'));
    const again = await app.request('/', {
      headers: { ...inLanguage('de'), 'if-none-match': tag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('vary')).toMatch(/Accept-Language/);
    const switched = await app.request('/', {
      headers: { ...inLanguage('en'), 'if-none-match': tag ?? '' },
    });
    expect(switched.status).toBe(200);
  });

  it('says no Vary: Accept-Language when the build has English only', async () => {
    const app = await builtApp();
    const list = await app.request('/', { headers: inLanguage('de') });
    expect(list.headers.get('vary')).toBe('Accept-Encoding');
    expect(list.headers.get('content-language')).toBeNull();
  });
});
