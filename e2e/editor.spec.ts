import type { Locator, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

test('list → editor → save → saved panel', async ({ page, endpoint }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(page).toHaveURL(new RegExp(`endpoint_id=${endpoint.endpoint_id}`));

  const url = page.getByLabel('Endpoint URL');
  await expect(url).toHaveValue(endpoint.url);
  await url.fill('https://moved.example.com/konpro');
  // A closed group's events are found by searching, as an admin would.
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('video_translate.success');
  await page.getByRole('checkbox', { name: 'video_translate.success', exact: true }).check();
  await search.clear();
  await page.getByRole('checkbox', { name: 'avatar_video.fail', exact: true }).uncheck();
  await expect(page.getByText('Events added:')).toContainText('video_translate.success');
  await expect(page.getByText('Events removed:')).toContainText('avatar_video.fail');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toContainText('enabled');
  await expect(panel).toContainText('https://moved.example.com/konpro');
  await expect(panel).toContainText('video_translate.success');
  await expect(panel).toContainText('demo');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('the PATCH on the wire carries only changed fields and no key', async ({ page, endpoint }) => {
  const patches: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request);
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://only-url.example.com/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  expect(patches).toHaveLength(1);
  const [patch] = patches;
  expect(patch?.url()).toMatch(/\/api\/v1\/webhook\/endpoint\.update$/);
  expect(patch?.postDataJSON()).toEqual({
    endpoint_id: endpoint.endpoint_id,
    url: 'https://only-url.example.com/hook',
  });
  const headers = await patch?.allHeaders();
  expect(Object.keys(headers ?? {})).not.toContain('x-api-key');
  expect(JSON.stringify(headers)).not.toContain('konpro_dev_key_local');
});

test('the secret is not in the page until revealed', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('radio', { name: /All events/ }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toContainText('All events');

  const secret = endpoint.secret ?? '';
  expect(secret).toMatch(/^whsec_/);
  expect(await page.content()).not.toContain(secret);
  await panel.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(panel).toContainText(secret);
  await panel.getByRole('button', { name: 'Hide secret' }).click();
  expect(await page.content()).not.toContain(secret);
});

test('a reload shows the saved values', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://reloaded.example.com/hook');
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://reloaded.example.com/hook');
  await expect(
    page.getByRole('checkbox', { name: 'personalized_video', exact: true }),
  ).toBeChecked();
  await expect(page.getByText('No changes yet.')).toBeVisible();
});

test('unsaved edits survive a reload', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://unsaved.example.com/hook');
  await page.reload();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://unsaved.example.com/hook');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
});

test('"Selected events" with nothing ticked is an error, not a PATCH', async ({
  page,
  endpoint,
}) => {
  let patched = false;
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patched = true;
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('checkbox', { name: 'Select all avatar_video events' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick at least one event');
  expect(patched).toBe(false);
});

test('a refused URL is explained next to the field and kept', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  const url = page.getByLabel('Endpoint URL');
  await url.fill('http://insecure.example.com/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('https://');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveValue('http://insecure.example.com/hook');
  await expect(url).toBeFocused();
});

test('an unknown id says so and offers the list', async ({ page }) => {
  await page.goto('/?endpoint_id=ep_does_not_exist');
  await expect(page.getByRole('heading', { name: 'Endpoint not found' })).toBeVisible();
  await page.getByRole('button', { name: 'Show all endpoints' }).click();
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await expect(page).not.toHaveURL(/endpoint_id/);
});

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the whole edit can be done by keyboard', async ({ page, endpoint }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: endpoint.url });
  await tabTo(page, link, 200);
  await page.keyboard.press('Enter');
  const url = page.getByLabel('Endpoint URL');
  await tabTo(page, url);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('https://keyboard.example.com/hook');
  const box = page.getByRole('checkbox', { name: 'avatar_video.fail', exact: true });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save changes' }), 100);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the server saved' })).toContainText(
    'https://keyboard.example.com/hook',
  );
});
