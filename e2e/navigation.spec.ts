// Moving between the list and an endpoint as an admin does, with the browser's own buttons too:
// unsaved edits are never left without asking, and the list is as it was left.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const listHeading = (page: Page) => page.getByRole('heading', { name: 'Webhook endpoints' });

test('Back over unsaved edits asks first, as the in-app link does', async ({ page, endpoint }) => {
  await page.goto('/');
  await page.getByRole('link', { name: endpoint.url }).click();
  const url = page.getByLabel('Endpoint URL');
  await url.fill('https://unsaved-on-back.example.com/hook');

  await page.goBack();
  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`endpoint_id=${endpoint.endpoint_id}`));
  await expect(page.getByRole('button', { name: 'Stay and keep editing' })).toBeFocused();
  await page.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(url).toHaveValue('https://unsaved-on-back.example.com/hook');
  // Focus goes back where it was when Back asked, not to the page's body.
  await expect(url).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`endpoint_id=${endpoint.endpoint_id}`));

  await page.goBack();
  await page.getByRole('button', { name: 'Leave' }).click();
  await expect(listHeading(page)).toBeVisible();
  await expect(page).not.toHaveURL(/endpoint_id/);
  // The list says where the edits wait, and Forward brings them back.
  const link = page.getByRole('link', { name: endpoint.url });
  await expect(link).toHaveAccessibleDescription('Unsaved changes');
  await page.goForward();
  await expect(url).toHaveValue('https://unsaved-on-back.example.com/hook');
});

test('Stay and keep editing gives focus back to the link that asked, by keyboard', async ({
  page,
  endpoint,
}) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://unsaved-on-link.example.com/hook');
  const back = page.getByRole('link', { name: '← All endpoints' });
  await back.focus();
  await page.keyboard.press('Enter');
  const stay = page.getByRole('button', { name: 'Stay and keep editing' });
  await expect(stay).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(back).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(stay).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(back).toBeFocused();
});

test('Back without unsaved edits goes back at once', async ({ page, endpoint }) => {
  await page.goto('/');
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
  await page.goBack();
  await expect(listHeading(page)).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('the list comes back scrolled as it was, its endpoint focused', async ({ page, endpoint }) => {
  await page.setViewportSize({ width: 800, height: 360 });
  await page.goto('/');
  const link = page.getByRole('link', { name: endpoint.url });
  await link.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByRole('heading', { name: 'Edit endpoint' })).toBeVisible();

  await page.goBack();
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  await link.click();
  await page.getByRole('link', { name: '← All endpoints' }).click();
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('an empty endpoint_id shows the list', async ({ page }) => {
  await page.goto('/?endpoint_id=');
  await expect(listHeading(page)).toBeVisible();
});

test('each view names the page', async ({ page, endpoint }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Webhook endpoints · Konpro');
  await page.getByRole('link', { name: endpoint.url }).click();
  await expect(page).toHaveTitle(`Edit endpoint ${endpoint.url.replace('https://', '')} · Konpro`);
  await page.goto('/?endpoint_id=ep_not_there');
  await expect(page).toHaveTitle('Endpoint not found · Konpro');
  await page.getByRole('link', { name: '← All endpoints' }).click();
  await expect(page).toHaveTitle('Webhook endpoints · Konpro');
});
