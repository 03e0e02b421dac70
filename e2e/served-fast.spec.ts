// What the server sends over a real connection: compressed as the browser asks, revalidated
// where not fingerprinted, and no code or request the first view does not need.
import { createHash } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const AS_BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const EDITOR_CHUNK = /\/assets\/endpoint-editor-[\w-]+\.js$/;

async function entryScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/')).text();
  const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  expect(src).toBeDefined();
  return src ?? '';
}

test('pages, scripts and the embed module arrive as brotli or gzip, with Vary', async ({
  request,
}) => {
  const script = await entryScript(request);
  for (const path of ['/', script, '/embed/konpro-webhook-editor.js']) {
    const br = await request.get(path, { headers: AS_BROWSER });
    expect(br.headers()['content-encoding'], path).toBe('br');
    // The page also varies with the language it is sent in (index.de.html for German).
    expect(br.headers().vary, path).toBe(
      path === '/' ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding',
    );
    const gzip = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding'], path).toBe('gzip');
    expect(await gzip.body()).toEqual(await br.body());
  }
  const asset = await request.get(script, { headers: AS_BROWSER });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test("the English page's script names no other language's catalogue nor their loader", async ({
  request,
}) => {
  // A page in another language loads them through a chunk of its own (load-messages), which
  // English never fetches: the entry names that chunk, not each language's catalogues.
  const entry = await (await request.get(await entryScript(request))).text();
  expect(entry).not.toMatch(/locale-\w+-\w+-/);
  expect(entry).toMatch(/load-messages-[\w-]+\.js/);
});

test('the embed module carries no marks meant for a bundler', async ({ request }) => {
  // A portal's browser runs it as it is: `@__PURE__` comments would only be bytes to download.
  const body = await (await request.get('/embed/konpro-webhook-editor.js')).text();
  expect(body.match(/[@#]__(PURE|NO_SIDE_EFFECTS)__/g) ?? []).toEqual([]);
});

test('the page and the embed module answer If-None-Match with 304', async ({ request }) => {
  for (const path of [
    '/',
    '/?endpoint_id=ep_demo_video_status',
    '/embed/konpro-webhook-editor.js',
  ]) {
    const first = await request.get(path, { headers: AS_BROWSER });
    expect(first.headers()['cache-control'], path).toBe('no-cache');
    const tag = first.headers().etag ?? '';
    expect(tag, path).toMatch(/^"[0-9a-f]+"$/);
    const again = await request.get(path, { headers: { ...AS_BROWSER, 'if-none-match': tag } });
    expect(again.status(), path).toBe(304);
    expect((await again.body()).length, path).toBe(0);
  }
});

test('a pinned copy of the embed module is immutable and matches its integrity value', async ({
  request,
}) => {
  const manifest = (await (await request.get('/embed/konpro-webhook-editor.json')).json()) as {
    module: string;
    integrity: string;
  };
  expect(manifest.module).toMatch(/^\/embed\/assets\/konpro-webhook-editor-[0-9a-f]{12}\.js$/);
  const pinned = await request.get(manifest.module, { headers: AS_BROWSER });
  expect(pinned.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(pinned.headers()['access-control-allow-origin']).toBe('*');
  const body = await pinned.body();
  // The same module, but it sits in assets/ beside the locale chunks, so it imports them one
  // step shorter (./locale-… instead of ./assets/locale-…).
  const unpinned = await (await request.get('/embed/konpro-webhook-editor.js')).text();
  expect(unpinned).toMatch(/\.\/assets\/locale-de-app-/);
  expect(body.toString()).toBe(unpinned.replace(/(["'`])\.\/assets\//g, '$1./'));
  const digest = createHash('sha384').update(body).digest('base64');
  expect(manifest.integrity).toBe(`sha384-${digest}`);
});

test('robots.txt is a text file and the page describes itself', async ({ page, request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await robots.text()).toContain('User-agent: *');
  await page.goto('/');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /webhook/);
});

/** When the editor's chunk was asked for, against the page's own milestones (ms). */
function editorChunkTiming(page: Page) {
  return page.evaluate((pattern) => {
    const chunk = performance
      .getEntriesByType('resource')
      .find((entry) => new RegExp(pattern).test(entry.name));
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    return {
      chunkStart: chunk?.startTime,
      domInteractive: navigation?.domInteractive ?? 0,
      loadEnd: navigation?.loadEventEnd ?? 0,
    };
  }, EDITOR_CHUNK.source);
}

test("the list page leaves the editor's code until it has loaded, and still gets it", async ({
  page,
  endpoint,
}) => {
  const response = await page.goto('/');
  await expect(page.getByRole('link', { name: endpoint.url })).toBeVisible();
  // The page names neither the editor's code nor its styles (the loader adds both when idle), nor
  // any chunk the bundler might split off for what the page shares with a lazy chunk.
  const html = (await response?.text()) ?? '';
  expect(html).not.toContain('modulepreload');
  expect(html).not.toContain('endpoint-editor');
  await expect.poll(async () => (await editorChunkTiming(page)).chunkStart).toBeDefined();
  const timing = await editorChunkTiming(page);
  expect(timing.loadEnd).toBeGreaterThan(0);
  expect(timing.chunkStart).toBeGreaterThanOrEqual(timing.loadEnd);
  // Opening an endpoint then needs nothing more from the network to show the editor.
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
});

test("a deep link asks for the editor's code and both lists up front, each once", async ({
  page,
  endpoint,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
  // The page's own preload of the editor; the editor's code later preloads what sits below its
  // form the same way, by adding a link of its own.
  const preloads = await page
    .locator('link[rel="modulepreload"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(preloads.some((href) => EDITOR_CHUNK.test(href))).toBe(true);
  const timing = await editorChunkTiming(page);
  // Found by the HTML parser, not by the entry module once it had run.
  expect(timing.chunkStart).toBeLessThan(timing.domInteractive);
  const count = (path: string) => asked.filter((asked) => asked === path).length;
  expect(count('/api/v1/webhook/endpoint.list')).toBe(1);
  expect(count('/api/v1/webhook/webhook.list')).toBe(1);
  // The form waits to know who is signed in (it starts from that admin's draft): the page asks
  // while its scripts download, not once they have run, and the app uses that one answer.
  expect(count('/auth/session')).toBe(1);
  const session = await page.evaluate(
    () =>
      performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/auth/session'))
        ?.startTime,
  );
  expect(session).toBeLessThan(timing.domInteractive);
});

test("the add form's address asks for the editor's code and its styles up front", async ({
  page,
}) => {
  const response = await page.goto('/?new');
  const html = (await response?.text()) ?? '';
  expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/endpoint-editor-/);
  expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/endpoint-editor-[\w-]+\.css">/);
  await expect(page.getByLabel('Endpoint URL')).toBeVisible();
  const timing = await editorChunkTiming(page);
  expect(timing.chunkStart).toBeLessThan(timing.domInteractive);
});

test('list answers are compressed; answers that carry a secret never are', async ({
  request,
  endpoint,
}) => {
  // Enough endpoints that the list is worth compressing.
  for (let i = 0; i < 8; i += 1) {
    const url = `https://compressed-list-${i}.example.com/hook`;
    await request.post('/api/v1/webhook/endpoint.add', { data: { url, events: [] } });
  }
  const list = await request.get('/api/v1/webhook/endpoint.list', { headers: AS_BROWSER });
  expect(list.headers()['content-encoding']).toBe('br');
  expect(list.headers().vary).toContain('Accept-Encoding');
  expect(await list.text()).toContain(endpoint.endpoint_id);

  const update = await request.patch('/api/v1/webhook/endpoint.update', {
    headers: AS_BROWSER,
    data: { endpoint_id: endpoint.endpoint_id, url: 'https://typed.example.com/hook' },
  });
  expect(update.status()).toBe(200);
  expect(update.headers()['content-encoding']).toBeUndefined();
  expect(await update.text()).toContain('"secret"');
  const add = await request.post('/api/v1/webhook/endpoint.add', {
    headers: AS_BROWSER,
    data: { url: 'https://typed-too.example.com/hook', events: [] },
  });
  expect(add.headers()['content-encoding']).toBeUndefined();
  const secret = await request.get(
    `/api/v1/webhook/endpoint.secret?endpoint_id=${endpoint.endpoint_id}`,
    { headers: AS_BROWSER },
  );
  expect(secret.status()).toBe(200);
  expect(secret.headers()['content-encoding']).toBeUndefined();
  expect(await secret.text()).toContain('"secret"');
});
