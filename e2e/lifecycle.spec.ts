// The whole life of an endpoint in the real app and server: add it, see its secret, find it in
// the list, delete it. Keyboard-only paths, a create pressed many times, Konpro's refusal of an
// unreachable URL, and deletes that race someone else's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Request } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';
import { expect, test } from './fixtures';
import { type Server, startServer, stopServer } from './server-process';
import { E2E_API_KEY } from './settings';

let created = 0;
const newUrl = (name: string) =>
  `https://${name}-${process.pid}-${Date.now()}-${++created}.example.com/hooks`;

async function listed(page: Page): Promise<Endpoint[]> {
  const response = await page.request.get('/api/v1/webhook/endpoint.list');
  return ((await response.json()) as { data: Endpoint[] }).data;
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target.toString()} was not reached with ${limit} presses of Tab`);
}

test('an admin adds an endpoint with the keyboard alone and sees its secret', async ({ page }) => {
  const url = newUrl('keyboard-add');
  await page.goto('/');
  await expect(page.getByRole('searchbox', { name: 'Search endpoints' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Add endpoint' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Add endpoint' })).toBeFocused();
  expect(new URL(page.url()).search).toBe('?new');

  await tabTo(page, page.getByLabel('Endpoint URL'), 3);
  await page.keyboard.type(url);
  // The events: "Selected events" is already chosen; one event is found and ticked by keyboard.
  await tabTo(page, page.getByRole('searchbox', { name: 'Search events' }));
  await page.keyboard.type('personalized');
  await tabTo(page, page.getByRole('checkbox', { name: 'personalized_video', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Create endpoint' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(url);
  const id = new URL(page.url()).searchParams.get('endpoint_id');
  const endpoint = (await listed(page)).find((e) => e.endpoint_id === id);
  expect(endpoint).toMatchObject({ url, events: ['personalized_video'] });
  await expect(page.getByRole('heading', { name: 'Edit endpoint' })).toBeFocused();

  const secret = page.getByRole('region', { name: 'Signing secret' });
  await tabTo(page, secret.getByRole('button', { name: 'Reveal secret' }));
  await page.keyboard.press('Enter');
  await expect(secret.locator('code')).toHaveText(/^whsec_/);
  // Back goes to the list, not to the add form the create replaced.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test('the Created note goes once its URL was changed and saved', async ({ page }) => {
  const url = newUrl('created-note');
  await page.goto('/?new');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('personalized');
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  const note = page.getByRole('status').filter({ hasText: 'Created' });
  await expect(note).toContainText(url);

  const moved = newUrl('created-note-moved');
  await page.getByLabel('Endpoint URL').fill(moved);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByText(/^Created /)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'What the server saved' })).toContainText(moved);
});

test('Create sends one request however often it is pressed', async ({ page }) => {
  const url = newUrl('pressed-often');
  const adds: Request[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/endpoint.add')) adds.push(request);
  });
  // Slow the answer down so the presses land while the first request is on its way.
  await page.route('**/api/v1/webhook/endpoint.add', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.goto('/?new');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('radio', { name: /All events/ }).check();
  const create = page.getByRole('button', { name: 'Create endpoint' });
  await create.click();
  await expect(page.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  // A disabled button stops clicks and Enter; a script submitting the form is not stopped by it,
  // so this reaches the form's own guard.
  await page.evaluate(() => {
    const form = document.querySelector('form');
    form?.requestSubmit();
    form?.requestSubmit();
  });
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toBeVisible();
  expect(adds).toHaveLength(1);
  expect(adds[0]?.postDataJSON()).toEqual({ url, events: null });
  expect((await listed(page)).filter((e) => e.url === url)).toHaveLength(1);
});

test('an empty choice of events is refused before anything is sent', async ({ page }) => {
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/endpoint.add')) sent += 1;
  });
  await page.goto('/?new');
  await page.getByLabel('Endpoint URL').fill(newUrl('no-events'));
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByText('Tick at least one event, or choose "All events".')).toBeVisible();
  expect(sent).toBe(0);
});

test('what was typed into the add form survives a reload', async ({ page }) => {
  const url = newUrl('reloaded');
  await page.goto('/?new');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.reload();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(url);
  await page.getByRole('button', { name: 'Clear form' }).click();
  await page.reload();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('');
});

test.describe('behind an emulator that checks new URLs', () => {
  let server: Server;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'konpro-lifecycle-'));
    server = await startServer({
      KONPRO_API_KEY: E2E_API_KEY,
      KONPRO_DATA_FILE: join(dir, 'data.json'),
      KONPRO_EMULATOR_CHECK_URLS: '1',
    });
  });
  test.afterAll(async () => {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  test("Konpro's refusal of an unreachable URL lands on the URL field", async ({ page }) => {
    await page.goto(`${server.base}/?new`);
    await page.getByLabel('Endpoint URL').fill('https://nowhere.example/hook');
    await page.getByRole('radio', { name: /All events/ }).check();
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    const field = page.getByLabel('Endpoint URL');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    await expect(page.getByText('did not answer an OPTIONS request')).toBeVisible();
    await expect(field).toHaveValue('https://nowhere.example/hook'); // nothing typed is lost
    expect(new URL(page.url()).search).toBe('?new');
  });
});

test.describe('an account without endpoints', () => {
  let server: Server;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'konpro-empty-'));
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ version: 1, endpoints: [] }));
    server = await startServer({
      KONPRO_API_KEY: E2E_API_KEY,
      KONPRO_DATA_FILE: join(dir, 'data.json'),
    });
  });
  test.afterAll(async () => {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the empty list invites to add the first endpoint', async ({ page }) => {
    await page.goto(`${server.base}/`);
    await expect(page.getByText('This account has no webhook endpoints yet.')).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search endpoints' })).toHaveCount(0);
    // One way to add: the list's own Add endpoint, not a second button beside it.
    await expect(page.getByRole('button', { name: /add/i })).toHaveCount(0);
    await page.getByRole('link', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('heading', { name: 'Add endpoint' })).toBeVisible();
  });
});

test('the signing secret is fetched on demand and masked again after leaving', async ({
  page,
  endpoint,
}) => {
  const fetches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/endpoint.secret')) fetches.push(request.url());
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  const region = page.getByRole('region', { name: 'Signing secret' });
  await expect(region.getByRole('img', { name: 'Secret hidden' })).toBeVisible();
  expect(fetches).toHaveLength(0);
  expect(await page.content()).not.toContain(endpoint.secret ?? 'missing');

  await region.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(region.locator('code')).toHaveText(endpoint.secret ?? 'missing');
  expect(fetches).toHaveLength(1);
  await region.getByRole('button', { name: 'Hide secret' }).click();
  await expect(region.getByRole('img', { name: 'Secret hidden' })).toBeVisible();

  await page.getByRole('link', { name: '← All endpoints' }).click();
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(region.getByRole('img', { name: 'Secret hidden' })).toBeVisible();
  expect(await page.content()).not.toContain(endpoint.secret ?? 'missing');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await region.getByRole('button', { name: 'Copy secret' }).click();
  await expect(region).toContainText('Secret copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(endpoint.secret);
  expect(fetches).toHaveLength(2); // fetched again: nothing was kept after the view was left
});

test('an admin deletes an endpoint with the keyboard alone', async ({ page, endpoint }) => {
  await page.goto('/');
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(page.getByLabel('Endpoint URL')).toBeVisible();
  const opener = page.getByRole('button', { name: 'Delete endpoint' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this endpoint?' });
  await expect(dialog).toContainText(endpoint.url);
  await expect(dialog).toContainText('stops sending events to it at once');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Modal: Tab stays inside the dialog.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect((await listed(page)).some((e) => e.endpoint_id === endpoint.endpoint_id)).toBe(true);

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(endpoint.url);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('link', { name: endpoint.url })).toHaveCount(0);
  expect((await listed(page)).some((e) => e.endpoint_id === endpoint.endpoint_id)).toBe(false);
});

test('deleting drops the draft, and an endpoint already gone counts as deleted', async ({
  page,
  endpoint,
}) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://draft-of-a-deleted.example.com/hook');
  const key = `konpro-webhook-editor:draft:${endpoint.endpoint_id}`;
  await expect.poll(() => page.evaluate((k) => sessionStorage.getItem(k), key)).not.toBeNull();

  // Another admin deletes it first.
  const other = await page.request.delete(
    `/api/v1/webhook/endpoint.delete?endpoint_id=${endpoint.endpoint_id}`,
  );
  expect(other.status()).toBe(200);

  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('unsaved changes on this page are dropped');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(status).toContainText('It had already been deleted elsewhere');
  expect(await page.evaluate((k) => sessionStorage.getItem(k), key)).toBeNull();
});

test('the list finds endpoints by URL or ID, filters by status and sorts', async ({
  page,
  request,
}) => {
  const tag = `find-${process.pid}-${Date.now()}`;
  const add = async (host: string) => {
    const response = await request.post('/api/v1/webhook/endpoint.add', {
      data: { url: `https://${host}.${tag}.example.com/hook`, events: ['personalized_video'] },
    });
    return (await response.json()) as Endpoint;
  };
  const beta = await add('beta');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // created_at counts in seconds
  const alpha = await add('alpha');
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search endpoints' });
  await search.fill(tag);
  const rows = page.getByRole('table').getByRole('link');
  await expect(rows).toHaveText([alpha.url, beta.url]);
  await expect(page.getByText(/^2 of \d+ endpoints match$/)).toBeVisible();

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
  await expect(rows).toHaveText([alpha.url, beta.url]); // made last, shown first
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await expect(rows).toHaveText([beta.url, alpha.url]);

  await search.fill(beta.endpoint_id.toUpperCase());
  await expect(rows).toHaveText([beta.url]);

  await page.getByRole('combobox', { name: 'Status' }).selectOption('disabled');
  await expect(page.getByText('No endpoint matches this search.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filter' }).click();
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();

  // The search survives a visit to an endpoint.
  await search.fill(tag);
  await rows.first().click();
  await page.getByRole('link', { name: '← All endpoints' }).click();
  await expect(search).toHaveValue(tag);
});

test('the list is a table on a wide screen and cards on a narrow one', async ({
  page,
  endpoint,
}) => {
  await page.goto('/');
  const row = page.getByRole('row').filter({ hasText: endpoint.endpoint_id });
  await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('table-row');

  await page.setViewportSize({ width: 375, height: 800 });
  expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('flex');
  await expect(page.getByRole('columnheader', { name: 'Status' })).not.toBeInViewport();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('Escape during a delete on its way leaves the dialog able to open again', async ({
  page,
  endpoint,
}) => {
  await page.route('**/api/v1/webhook/endpoint.delete*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.fulfill({
      status: 503,
      json: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Down for a moment' } },
    });
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Deleting…' })).toBeDisabled();
  // The first Escape is refused while the request is on its way; the browser lets a second one
  // close the dialog regardless.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.waitForResponse('**/api/v1/webhook/endpoint.delete*').catch(() => undefined);

  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0); // no stale failure in a new dialog
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await listed(page)).some((e) => e.endpoint_id === endpoint.endpoint_id)).toBe(true);
});

test('an endpoint another admin deletes shows as gone, and keeps what was typed', async ({
  page,
  browser,
  endpoint,
}) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://typed-before-the-delete.example.com/hook');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await otherPage.getByRole('button', { name: 'Delete endpoint' }).click();
  await otherPage.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(otherPage.getByRole('status').filter({ hasText: 'Deleted' })).toBeVisible();
  await other.close();

  // The first admin's editor looks again when its tab is looked at.
  await page.evaluate(() =>
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
  );
  await expect(page.getByText('This endpoint no longer exists on the server')).toBeVisible();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(
    'https://typed-before-the-delete.example.com/hook',
  );
  await expect(page.getByRole('button', { name: 'Delete endpoint' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Signing secret' })).toHaveCount(0);
});
