import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import type { Upstream } from './forwarder/forward-request';
import { createLogger } from './log/logger';
import { parseSettings, type Settings } from './settings';
import { apiError } from './test-support/emulator-harness';
import { tempDir } from './test-support/temp-dir';

/** Settings as main.ts would build them, with a temp data file and static folder. */
async function setup(env: Record<string, string> = {}) {
  const dir = await tempDir();
  const result = parseSettings(
    { KONPRO_DATA_FILE: join(dir, 'data.json'), STATIC_DIR: join(dir, 'client'), ...env },
    { cwd: dir },
  );
  if (!result.ok) throw new Error(result.error);
  return { dir, settings: result.settings };
}

async function writeClientBuild(settings: Settings) {
  await mkdir(join(settings.staticDir, 'assets'), { recursive: true });
  await writeFile(join(settings.staticDir, 'index.html'), '<!doctype html><title>Editor</title>');
  await writeFile(join(settings.staticDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(settings.staticDir, 'favicon.svg'), '<svg/>');
}

const quiet = { log: () => undefined, logger: createLogger('silent') };
const API_ADD = '/api/v1/webhook/endpoint.add';

describe('createApp', () => {
  it('sends the security headers on pages, API answers and errors', async () => {
    const { settings } = await setup();
    const app = createApp(settings, quiet);
    for (const path of ['/', '/v1/webhook/endpoint.list']) {
      const response = await app.request(path);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
          "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
          "form-action 'self'; frame-ancestors 'self'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('gives every /api answer a policy that allows nothing, and JSON', async () => {
    const { settings } = await setup();
    const app = createApp(settings, quiet);
    for (const path of ['/api/v1/webhook/endpoint.list', '/api/nope', '/api/v1/webhook/x']) {
      const response = await app.request(path);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets FRAME_ANCESTORS name the portals that may frame the editor', async () => {
    const { settings } = await setup({ FRAME_ANCESTORS: "'self' https://portal.example.com" });
    const response = await createApp(settings, quiet).request('/');
    expect(response.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' https:\/\/portal\.example\.com$/,
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('serves the build: index.html for app routes, cached assets, a 404 for a missing asset', async () => {
    const { settings } = await setup();
    await writeClientBuild(settings);
    const app = createApp(settings, quiet);
    for (const path of ['/', '/?endpoint_id=ep_1', '/endpoints/ep_1']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<title>Editor</title>');
    }
    const asset = await app.request('/assets/app-1a2b.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    // The emulator's data file sits two folders above /assets: it must stay out of reach.
    const escape = await app.request('/assets/%2e%2e/%2e%2e/data.json');
    expect(await escape.text()).not.toContain('endpoints');
  });

  it('serves no dotfile and nothing through a symlink that leaves the build', async () => {
    const { settings, dir } = await setup();
    await writeClientBuild(settings);
    await writeFile(join(dir, 'outside-secret.txt'), 'whsec_outside');
    await writeFile(join(settings.staticDir, '.env'), 'KONPRO_API_KEY=live');
    await mkdir(join(settings.staticDir, '.git'));
    await writeFile(join(settings.staticDir, '.git', 'config'), '[core]');
    await symlink(join(dir, 'outside-secret.txt'), join(settings.staticDir, 'leak.txt'));
    await symlink(dir, join(settings.staticDir, 'assets', 'up'));
    await mkdir(join(dir, 'embed'));
    await symlink(join(dir, 'outside-secret.txt'), join(dir, 'embed', 'leak.js'));
    const app = createApp(settings, quiet);
    for (const path of [
      '/.env',
      '/.git/config',
      '/assets/.env',
      '/leak.txt',
      '/assets/up/outside-secret.txt',
      '/embed/leak.js',
    ]) {
      const response = await app.request(path);
      const text = await response.text();
      expect(text).not.toContain('whsec_outside');
      expect(text).not.toContain('KONPRO_API_KEY');
      expect(text).not.toContain('[core]');
    }
    // A symlink inside the build that stays inside it still works.
    await symlink(join(settings.staticDir, 'favicon.svg'), join(settings.staticDir, 'icon.svg'));
    expect(await (await app.request('/icon.svg')).text()).toBe('<svg/>');
  });

  it('says clearly that the app is not built instead of failing', async () => {
    const { settings } = await setup();
    const response = await createApp(settings, quiet).request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('not built');
  });

  it('serves /embed files from beside the client build to other origins', async () => {
    const { settings, dir } = await setup();
    await mkdir(join(dir, 'embed'));
    await writeFile(join(dir, 'embed', 'editor.js'), 'export {}');
    const response = await createApp(settings, quiet).request('/embed/editor.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers unknown /api paths with a JSON 404', async () => {
    const { settings } = await setup();
    const response = await createApp(settings, quiet).request('/api/v2/whatever', {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject(apiError('NOT_FOUND'));
  });

  it('in emulator mode, forwards /api/v1 to the emulator as user demo, whatever key the browser sends', async () => {
    const { settings } = await setup();
    const app = createApp(settings, quiet);
    const response = await app.request('/api/v1/webhook/endpoint.list', {
      headers: { 'x-api-key': 'browser_guess' },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('ep_demo_video_status');
    expect(text).not.toContain('ep_other_team');
    expect(text).not.toContain(settings.apiKey);
    expect((await app.request('/v1/webhook/endpoint.list')).status).toBe(401);
    const direct = await app.request('/v1/webhook/endpoint.list', {
      headers: { 'x-api-key': settings.apiKey },
    });
    expect(direct.status).toBe(200);
  });

  it('runs the OPTIONS check on new URLs only when KONPRO_EMULATOR_CHECK_URLS=1', async () => {
    const add = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://down.example.com/hook', events: [] }),
    };
    const checkUrl = vi.fn(() => Promise.resolve(false));
    const off = await setup();
    expect(
      (await createApp(off.settings, { ...quiet, checkUrl }).request(API_ADD, add)).status,
    ).toBe(200);
    expect(checkUrl).not.toHaveBeenCalled();
    const on = await setup({ KONPRO_EMULATOR_CHECK_URLS: '1' });
    const refused = await createApp(on.settings, { ...quiet, checkUrl }).request(API_ADD, add);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject(apiError('VALIDATION_ERROR', { field: 'url' }));
  });

  it('in proxy mode, forwards to KONPRO_API_BASE and does not run the emulator', async () => {
    const { settings } = await setup({
      KONPRO_API_BASE: 'https://api.konpro.test',
      KONPRO_API_KEY: 'live_key_0123456789',
    });
    const seen: string[] = [];
    const upstream: Upstream = (request) => {
      seen.push(`${request.url} ${request.headers.get('x-api-key') ?? ''}`);
      return Promise.resolve(Response.json({ data: [] }));
    };
    const app = createApp(settings, { ...quiet, upstream });
    expect((await app.request('/api/v1/webhook/endpoint.list')).status).toBe(200);
    expect(seen).toEqual(['https://api.konpro.test/v1/webhook/endpoint.list live_key_0123456789']);
    expect((await app.request('/v1/webhook/endpoint.list')).status).toBe(404);
  });
});
