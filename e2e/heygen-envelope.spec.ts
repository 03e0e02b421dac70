// The editor against an emulator answering in HeyGen v1's envelopes (KONPRO_EMULATOR_ENVELOPE=heygen),
// as a Konpro account behind a HeyGen-shaped gateway would: load, save, and a refused save.
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
  const api = (method: string, route: string, body: unknown) =>
    fetch(`${server.base}/api/v1/webhook/${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<{ data: { endpoint_id: string } }>);
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
