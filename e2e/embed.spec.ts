// The editor inside a hostile portal page: the demo host at /embed-demo.html loads the module,
// uses the custom element and mount(), and logs what it hears.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HOT_PINK = 'rgb(255, 105, 180)';
const PLAYWRIGHT_LISTENERS =
  /^(__playwright.*|mousemove|pointerdown|pointerup|touchstart|touchend|touchcancel|mousedown|mouseup|click|auxclick|dblclick|contextmenu)$/;

async function openDemo(page: Page, query = '') {
  await page.goto(`/embed-demo.html${query}`);
  await expect(page.locator('#mounted-editor').getByRole('heading').first()).toBeVisible();
}

/** Mounts the copy named by its content (the manifest's) in #pinned-editor; returns its path. */
async function mountPinnedCopy(page: Page, endpointId: string, locale: string) {
  return page.evaluate(
    async ({ endpointId, locale }) => {
      const manifest = (await (await fetch('/embed/konpro-webhook-editor.json')).json()) as {
        module: string;
      };
      const { mount } = (await import(manifest.module)) as {
        mount: (target: Element, options: object) => unknown;
      };
      const target = document.createElement('div');
      target.id = 'pinned-editor';
      document.body.append(target);
      mount(target, { apiBaseUrl: '/api', endpointId, locale });
      return manifest.module;
    },
    { endpointId, locale },
  );
}

test('host CSS cannot reach the editor, and the editor CSS cannot reach the host', async ({
  page,
  endpoint,
}) => {
  await openDemo(page, `?endpoint_id=${endpoint.endpoint_id}`);
  const editor = page.locator('#mounted-editor');
  const save = editor.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeVisible();
  const style = (name: string) =>
    save.evaluate((el, n) => getComputedStyle(el).getPropertyValue(n), name);
  expect(await style('background-color')).not.toBe(HOT_PINK);
  expect(await style('font-family')).not.toContain('Comic Sans');
  expect(await style('text-transform')).toBe('none');
  expect(await style('box-sizing')).toBe('border-box');
  const url = editor.getByLabel('Endpoint URL');
  expect(await url.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  // 16px text whatever the host's root font size (10px here).
  expect(await url.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');

  const decoy = page.getByRole('button', { name: 'Host button' });
  expect(await decoy.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(HOT_PINK);
});

test('the History region is styled inside the module too', async ({ page, endpoint }) => {
  await openDemo(page, `?endpoint_id=${endpoint.endpoint_id}`);
  const history = page.locator('#mounted-editor').getByRole('region', { name: 'History' });
  // The fixture's add is the endpoint's first entry; its list has no bullets or indent.
  const list = history.getByRole('list');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const style = (name: string) =>
    list.evaluate((el, n) => getComputedStyle(el).getPropertyValue(n), name);
  expect(await style('list-style-type')).toBe('none');
  expect(await style('padding-left')).toBe('0px');
});

test('two editors on one page are independent', async ({ page, endpoint, request }) => {
  const other = (await (
    await request.post('/api/v1/webhook/endpoint.add', {
      data: { url: 'https://second-editor.example.com/hook', events: ['batch.finished'] },
    })
  ).json()) as { endpoint_id: string; url: string };
  await openDemo(
    page,
    `?endpoint_id=${endpoint.endpoint_id}&element_endpoint_id=${other.endpoint_id}`,
  );
  const mounted = page.locator('#mounted-editor');
  const element = page.locator('#element-editor');
  await expect(element.getByLabel('Endpoint URL')).toHaveValue(other.url);

  await element.getByLabel('Endpoint URL').fill('https://element-only.example.com/hook');
  await expect(mounted.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
  await expect(mounted.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await element.getByRole('button', { name: 'Save changes' }).click();
  await expect(element.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.locator('#event-log')).toContainText(
    'webhook-endpoint-saved from #element-editor',
  );
  await expect(page.locator('#event-log')).not.toContainText('onSaved');
});

test('the host hears about saves and unsaved state, never the secret', async ({
  page,
  endpoint,
}) => {
  await openDemo(page, `?endpoint_id=${endpoint.endpoint_id}`);
  const saved = page.evaluate(
    () =>
      new Promise<unknown>((resolve) =>
        document.addEventListener(
          'webhook-endpoint-saved',
          (event) => resolve((event as CustomEvent).detail),
          {
            once: true,
          },
        ),
      ),
  );
  const editor = page.locator('#mounted-editor');
  await editor.getByLabel('Endpoint URL').fill('https://heard-by-host.example.com/hook');
  await expect(page.locator('#event-log')).toContainText('onDirtyChange: true');
  await editor.getByRole('button', { name: 'Save changes' }).click();

  const detail = (await saved) as Record<string, unknown>;
  expect(detail).toMatchObject({
    endpoint_id: endpoint.endpoint_id,
    url: 'https://heard-by-host.example.com/hook',
    username: 'demo',
  });
  expect(detail).not.toHaveProperty('secret');
  const log = page.locator('#event-log');
  await expect(log).toContainText('onSaved');
  await expect(log).toContainText('onDirtyChange: false');
  expect(await log.textContent()).not.toContain(endpoint.secret ?? 'missing');
});

test('unmount leaves no nodes, listeners or timers behind', async ({ page, endpoint }) => {
  await page.addInitScript(() => {
    // Count timers still pending, to see whether unmount cancels what mount started.
    const pending = new Set<unknown>();
    const set = window.setTimeout.bind(window);
    const clear = window.clearTimeout.bind(window);
    const every = window.setInterval.bind(window);
    const stop = window.clearInterval.bind(window);
    const w = window as unknown as Record<string, unknown>;
    w.setTimeout = (fn: () => void, ms?: number, ...rest: unknown[]) => {
      const id = set(
        () => {
          pending.delete(id);
          fn();
        },
        ms,
        ...rest,
      );
      pending.add(id);
      return id;
    };
    w.clearTimeout = (id: number) => {
      pending.delete(id);
      clear(id);
    };
    w.setInterval = (fn: () => void, ms?: number) => {
      const id = every(fn, ms);
      pending.add(id);
      return id;
    };
    w.clearInterval = (id: number) => {
      pending.delete(id);
      stop(id);
    };
    w.__pendingTimers = () => pending.size;
  });
  await openDemo(page, `?endpoint_id=${endpoint.endpoint_id}`);
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId ?? '',
      });
      // Playwright's injected script adds input listeners of its own during some actions.
      total += found.filter((l) => !PLAYWRIGHT_LISTENERS.test(l.type)).length;
    }
    return total;
  };
  const pendingTimers = () =>
    page.evaluate(() => (window as unknown as { __pendingTimers: () => number }).__pendingTimers());
  const editor = page.locator('#mounted-editor');
  const press = (id: string) =>
    page.evaluate((button) => document.getElementById(button)?.click(), id);

  await press('unmount');
  await page.waitForTimeout(100);
  const before = { listeners: await listeners(), timers: await pendingTimers() };

  await press('remount');
  await editor.getByLabel('Endpoint URL').fill('https://dirty-when-unmounted.example.com/hook');
  await expect(page.locator('#event-log')).toContainText('onDirtyChange: true');
  expect(await listeners()).toBeGreaterThan(before.listeners); // beforeunload, while dirty
  await press('unmount');
  await page.waitForTimeout(100);

  expect(await editor.evaluate((el) => el.shadowRoot?.childNodes.length ?? 0)).toBe(0);
  expect(await editor.evaluate((el) => el.shadowRoot?.adoptedStyleSheets.length ?? 0)).toBe(0);
  expect(await listeners()).toBe(before.listeners);
  expect(await pendingTimers()).toBeLessThanOrEqual(before.timers);
});

test('importing the module adds no global variables', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __globalsBefore: string[] }).__globalsBefore =
      Object.getOwnPropertyNames(window);
  });
  await openDemo(page);
  const added = await page.evaluate(() => {
    const before = new Set((window as unknown as { __globalsBefore: string[] }).__globalsBefore);
    return Object.getOwnPropertyNames(window).filter(
      (name) => !before.has(name) && name !== '__globalsBefore',
    );
  });
  expect(added).toEqual([]);
});

test('a bad option throws one clear error naming it and mounts nothing', async ({ page }) => {
  await openDemo(page);
  const outcome = await page.evaluate(async (modulePath) => {
    const { mount } = (await import(modulePath)) as {
      mount: (el: HTMLElement, options: unknown) => unknown;
    };
    const attempt = (options: unknown) => {
      const el = document.createElement('div');
      document.body.append(el);
      try {
        mount(el, options);
        return { message: 'no error', shadow: el.shadowRoot !== null };
      } catch (error) {
        return { message: (error as Error).message, shadow: el.shadowRoot !== null };
      }
    };
    return [
      attempt({ theme: 'purple' }),
      attempt({ apiBaseUrl: 'ftp://nope' }),
      attempt({ onSaved: 'not a function' }),
      attempt({ colour: 'red' }),
    ];
  }, '/embed/konpro-webhook-editor.js');
  expect(outcome).toEqual([
    { message: expect.stringMatching(/invalid option "theme"/) as unknown, shadow: false },
    { message: expect.stringMatching(/invalid option "apiBaseUrl"/) as unknown, shadow: false },
    { message: expect.stringMatching(/invalid option "onSaved"/) as unknown, shadow: false },
    { message: expect.stringMatching(/unknown option "colour"/) as unknown, shadow: false },
  ]);
});

test('the custom element reacts to its attributes', async ({ page, endpoint }) => {
  await openDemo(page);
  const element = page.locator('#element-editor');
  await expect(element.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await element.evaluate((el, id) => el.setAttribute('endpoint-id', id), endpoint.endpoint_id);
  await expect(element.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
  await element.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(element.locator('.kwe-root')).toHaveAttribute('data-theme', 'dark');
  await element.evaluate((el) => el.removeAttribute('endpoint-id'));
  await expect(element.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
});

test('the host hears of a create and a delete, never with the secret', async ({ page }) => {
  await openDemo(page, '');
  const heard = (type: string) =>
    page.evaluate(
      (name) =>
        new Promise<unknown>((resolve) =>
          document.addEventListener(name, (event) => resolve((event as CustomEvent).detail), {
            once: true,
          }),
        ),
      type,
    );
  const editor = page.locator('#mounted-editor');
  const url = `https://made-in-a-portal-${Date.now()}.example.com/hook`;
  const createdEvent = heard('webhook-endpoint-created');
  await editor.getByRole('link', { name: 'Add endpoint' }).click();
  await editor.getByLabel('Endpoint URL').fill(url);
  await editor.getByRole('radio', { name: /All events/ }).check();
  await editor.getByRole('button', { name: 'Create endpoint' }).click();
  const created = (await createdEvent) as Record<string, unknown>;
  expect(created).toMatchObject({ url, status: 'enabled', events: [] });
  expect(created).not.toHaveProperty('secret');
  await expect(editor.getByRole('status').filter({ hasText: 'Created' })).toBeVisible();

  // The secret is there for the admin, inside the editor only.
  const region = editor.getByRole('region', { name: 'Signing secret' });
  await region.getByRole('button', { name: 'Reveal secret' }).click();
  const secret = (await region.locator('code').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);

  const deletedEvent = heard('webhook-endpoint-deleted');
  await editor.getByRole('button', { name: 'Delete endpoint' }).click();
  await editor.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  const deleted = (await deletedEvent) as Record<string, unknown>;
  expect(deleted).toMatchObject({ endpoint_id: created.endpoint_id, url });
  expect(deleted).not.toHaveProperty('secret');
  await expect(editor.getByRole('status').filter({ hasText: 'Deleted' })).toBeVisible();

  const log = page.locator('#event-log');
  await expect(log).toContainText('onCreated');
  await expect(log).toContainText('onDeleted');
  expect(await log.textContent()).not.toContain(secret);
  expect(await log.textContent()).not.toContain('"secret"');
});

test('a portal can switch adding and deleting off', async ({ page, endpoint }) => {
  await openDemo(page, '?features=view-only');
  const editor = page.locator('#mounted-editor');
  await expect(editor.getByRole('searchbox', { name: 'Search endpoints' })).toBeVisible();
  await expect(editor.getByRole('link', { name: 'Add endpoint' })).toHaveCount(0);
  await editor.getByRole('searchbox', { name: 'Search endpoints' }).fill(endpoint.endpoint_id);
  await editor.getByRole('link', { name: endpoint.url }).click();
  await expect(editor.getByLabel('Endpoint URL')).toBeVisible();
  await expect(editor.getByRole('region', { name: 'Signing secret' })).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Delete endpoint' })).toHaveCount(0);
});

test("the element's attributes change its look without losing the add form", async ({ page }) => {
  await openDemo(page, '');
  const element = page.locator('#element-editor');
  await element.getByRole('link', { name: 'Add endpoint' }).click();
  await element.getByLabel('Endpoint URL').fill('https://typed-before-a-theme.example.com/hook');
  await page.evaluate(() =>
    document.getElementById('element-editor')?.setAttribute('theme', 'dark'),
  );
  await expect(element.locator('.kwe-root').first()).toHaveAttribute('data-theme', 'dark');
  await expect(element.getByLabel('Endpoint URL')).toHaveValue(
    'https://typed-before-a-theme.example.com/hook',
  );
  // A new endpoint-id still opens that endpoint.
  await page.evaluate(() =>
    document.getElementById('element-editor')?.setAttribute('endpoint-id', 'ep_demo_all_events'),
  );
  await expect(element.getByRole('heading', { name: 'Edit endpoint' })).toBeVisible();
});

test("with history: 'push', Back returns to the list inside the portal", async ({
  page,
  endpoint,
}) => {
  await page.goto('/');
  await openDemo(page, '?history=push');
  const editor = page.locator('#mounted-editor');
  await editor.getByRole('link', { name: endpoint.url }).first().press('Enter');
  await expect(editor.getByLabel('Endpoint URL')).toBeVisible();
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe('/embed-demo.html');
  await expect(editor.getByRole('link', { name: endpoint.url }).first()).toBeVisible();
  await expect(editor.getByLabel('Endpoint URL')).toHaveCount(0);
  await page.goForward();
  await expect(editor.getByLabel('Endpoint URL')).toBeVisible();
});

test('without the history option, the editor adds no entry: Back leaves the portal', async ({
  page,
  endpoint,
}) => {
  await page.goto('/');
  await openDemo(page);
  const editor = page.locator('#mounted-editor');
  await editor.getByRole('link', { name: endpoint.url }).first().click();
  await expect(editor.getByLabel('Endpoint URL')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
});

test('another locale comes as data beside the module, and beside its pinned copy', async ({
  page,
  endpoint,
}) => {
  const catalogues: string[] = [];
  page.on('response', (response) => {
    if (/\/locale-\w+-\w+-[\w-]+\.json$/.test(response.url())) {
      catalogues.push(`${response.status()} ${new URL(response.url()).pathname}`);
    }
  });
  await openDemo(page);
  expect(catalogues).toEqual([]);
  const element = page.locator('#element-editor');
  await element.evaluate((el, id) => {
    el.setAttribute('endpoint-id', id);
    el.setAttribute('locale', 'de');
  }, endpoint.endpoint_id);
  await expect(element.getByRole('button', { name: 'Endpunkt löschen' })).toBeVisible();

  // The copy named by its content sits in assets/, beside the chunks: it finds them too.
  const pinned = await mountPinnedCopy(page, endpoint.endpoint_id, 'ja');
  expect(pinned).toMatch(/^\/embed\/assets\//);
  await expect(
    page.locator('#pinned-editor').getByRole('button', { name: 'エンドポイントを削除' }),
  ).toBeVisible();
  expect(catalogues.every((line) => /^200 \/embed\/assets\/locale-(de|ja)-/.test(line))).toBe(true);
  expect(catalogues.some((line) => line.includes('/locale-ja-'))).toBe(true);
});

test('a locale’s catalogue changed on the server is refused: the pinned copy keeps speaking English', async ({
  page,
  endpoint,
}) => {
  // What a compromised server or cache could do: the same file name, other words. The pinned copy
  // holds each catalogue's SHA-256, so the browser refuses the changed file.
  let served = 0;
  await page.route(/\/embed\/assets\/locale-de-editor-[\w-]+\.json$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('Endpunkt löschen', 'Hier klicken');
    served += 1;
    await route.fulfill({ response, body });
  });
  await openDemo(page);
  const pinned = page.locator('#pinned-editor');
  await mountPinnedCopy(page, endpoint.endpoint_id, 'de');
  // The form's German (its own, unchanged file) arrives; the changed editor catalogue does not.
  await expect(pinned.getByLabel('Endpunkt-URL')).toBeVisible();
  await expect.poll(() => served).toBeGreaterThan(0);
  await expect(pinned.getByRole('button', { name: 'Delete endpoint' })).toBeVisible();
  await expect(pinned.getByText('Hier klicken')).toHaveCount(0);
});
