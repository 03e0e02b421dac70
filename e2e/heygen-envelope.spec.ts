// The editor against an emulator answering in HeyGen v1's shapes (KONPRO_EMULATOR_ENVELOPE=heygen),
// as a Konpro account behind a HeyGen-shaped gateway would: load, save, add, delete, "all events"
// written as events: null, and HeyGen's error codes (400542, 400131) read as the page reads Konpro's.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Server, startServer, stopServer } from './server-process';

let server: Server;

test.beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'konpro-heygen-'));
  server = await startServer({
    KONPRO_DATA_FILE: join(dir, 'data.json'),
    KONPRO_EMULATOR_ENVELOPE: 'heygen',
  });
});

test.afterAll(() => stopServer(server));

const api = (method: string, route: string, body: unknown) =>
  fetch(`${server.base}/api/v1/webhook/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.json() as Promise<{ data: { endpoint_id: string } }>);

test('lists, edits and saves through HeyGen envelopes', async ({ page }) => {
  const direct = await fetch(`${server.base}/api/v1/webhook/endpoint.list`);
  expect(await direct.json()).toMatchObject({ code: 100, data: expect.any(Array) });

  await page.goto(`${server.base}/`);
  await page.getByRole('link', { name: 'https://example.com/webhooks/konpro' }).click();
  await page.getByRole('checkbox', { name: 'batch.finished', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toContainText('batch.finished');
  await expect(panel).toContainText('demo');
});

test("reads HeyGen's error shape when a save is refused", async ({ page }) => {
  const added = await api('POST', 'endpoint.add', {
    url: 'https://gone.example.com/hook',
    events: ['avatar_video.success'],
  });
  const id = added.data.endpoint_id;
  await page.goto(`${server.base}/?endpoint_id=${id}`);
  // Its group is closed (nothing in it is ticked): a search shows the box.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('avatar.updated');
  await page.getByRole('checkbox', { name: 'avatar.updated', exact: true }).check();
  // Deleted elsewhere (with the id in a JSON body, as HeyGen's clients send it) after the save's
  // read and before its write, so that Konpro itself refuses the write.
  await page.route('**/api/v1/webhook/endpoint.update', async (route) => {
    await fetch(`${server.base}/v1/webhook/endpoint.delete`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'x-api-key': 'konpro_dev_key_local' },
      body: JSON.stringify({ endpoint_id: id }),
    });
    await route.continue();
  });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText(/not found|no endpoint/i);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
});

test('shows HeyGen\'s events: null as "All events"', async ({ page }) => {
  const list = await fetch(`${server.base}/api/v1/webhook/endpoint.list`);
  const { data } = (await list.json()) as { data: { endpoint_id: string; events: unknown }[] };
  expect(data.find((e) => e.endpoint_id === 'ep_demo_all_events')).toMatchObject({
    events: null,
    entity_id: null,
  });

  await page.goto(`${server.base}/`);
  const row = page.getByRole('row').filter({ hasText: 'ep_demo_all_events' });
  await expect(row).toContainText('All events');
  await page.getByRole('link', { name: 'https://hooks.example.org/konpro/all' }).click();
  await expect(page.getByRole('radio', { name: /All events/ })).toBeChecked();
});

test("adds through HeyGen's shapes, and its 400542 lands on the URL field", async ({ page }) => {
  await page.goto(`${server.base}/?new`);
  const field = page.getByLabel('Endpoint URL');
  // The page's own rule lets this through; the emulator's full list of special-purpose
  // addresses refuses it (198.18.0.0/15, benchmarking).
  await field.fill('https://198.18.0.1/hook');
  await page.getByRole('radio', { name: /All events/ }).check();
  const refused = page.waitForResponse('**/api/v1/webhook/endpoint.add');
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  const answer = await refused;
  expect(answer.status()).toBe(400);
  expect(await answer.json()).toMatchObject({
    code: 400542,
    message: expect.stringMatching(/^Url of this webhook endpoint is invalid: /),
  });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(page.getByText("Konpro's servers cannot reach this address")).toBeVisible();
  await expect(page.getByText('Url of this webhook endpoint is invalid')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?new');

  const url = `https://heygen-added-${Date.now()}.example.com/hook`;
  await field.fill(url);
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(url);
  await expect(page.getByRole('radio', { name: /All events/ })).toBeChecked();
});

test("deletes through HeyGen's {code: 100, data: null, msg: null}", async ({ page }) => {
  const url = `https://heygen-deleted-${Date.now()}.example.com/hook`;
  const added = await api('POST', 'endpoint.add', { url, events: ['batch.finished'] });
  await page.goto(`${server.base}/?endpoint_id=${added.data.endpoint_id}`);
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  const answered = page.waitForResponse('**/api/v1/webhook/endpoint.delete*');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  expect(await (await answered).json()).toStrictEqual({ code: 100, data: null, msg: null });
  const status = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(status).toContainText(url);
  await expect(status).not.toContainText('already been deleted');
  await expect(page.getByRole('link', { name: url })).toHaveCount(0);
});
