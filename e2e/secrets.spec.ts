// The API key lives in the server's environment only; the signing secret only where asked for.
import { E2E_API_KEY } from './settings';
import { expect, test } from './fixtures';

test('no page, script or /api answer contains the API key', async ({ page, request, endpoint }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    bodies.push(await response.text().catch(() => ''));
  });
  await page.goto('/');
  await page.getByRole('link', { name: endpoint.url }).click();
  await page.getByLabel('Endpoint URL').fill('https://key-check.example.com/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Also the answers a browser never asks for on its own: errors and unknown routes.
  for (const path of [
    '/api/v1/webhook/endpoint.list',
    '/api/v1/webhook/webhook.list',
    '/api/v1/webhook/nope',
    '/api/nope',
    '/index.html',
  ]) {
    bodies.push(await (await request.get(path)).text());
  }
  bodies.push(await (await request.patch('/api/v1/webhook/endpoint.update', { data: '{' })).text());

  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(E2E_API_KEY);
  expect(await page.content()).not.toContain(E2E_API_KEY);
});

test('the secret stays out of the URL, title, storage and console', async ({ page, endpoint }) => {
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await panel.getByRole('button', { name: 'Reveal secret' }).click();
  const secret = endpoint.secret ?? 'missing';
  await expect(panel).toContainText(secret);

  expect(page.url()).not.toContain(secret);
  expect(await page.title()).not.toContain(secret);
  const storage = await page.evaluate(() =>
    JSON.stringify([sessionStorage, localStorage].map((store) => Object.entries(store))),
  );
  expect(storage).not.toContain(secret);
  expect(logs.join('\n')).not.toContain(secret);
});

test('copying the secret says whether it worked', async ({ page, context, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const panel = page.getByRole('region', { name: 'What the server saved' });

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy secret' }).click();
  await expect(panel).toContainText('Secret copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(endpoint.secret);

  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')),
    });
  });
  await panel.getByRole('button', { name: 'Copy secret' }).click();
  await expect(panel).toContainText('refused clipboard access');
});

test('after a save the endpoint has one secret control, in the panel, holding the save’s answer', async ({
  page,
  endpoint,
}) => {
  const secretReads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/endpoint.secret')) secretReads.push(request.url());
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toBeVisible();

  // The region Signing secret points to the panel rather than offering a second control.
  await expect(page.getByRole('region', { name: 'Signing secret' })).toContainText(
    'under “What the server saved”',
  );
  await expect(page.getByRole('button', { name: 'Reveal secret' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copy secret' })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(page.getByText(endpoint.secret ?? 'missing', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Hide secret' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Reveal secret' })).toHaveCount(0);
  // The save's answer carried it: nothing was fetched, and no reveal was recorded for nothing.
  expect(secretReads).toEqual([]);
});
