// Loading as it goes wrong on a real network: each failure says what it is and what to do, a
// slow Konpro is said to be slow, and an embedded editor does not push the host page around.
import { expect, test } from './fixtures';

const LIST = '**/api/v1/webhook/endpoint.list';
const CATALOG = '**/api/v1/webhook/webhook.list';

test('a 401 on load says it is the editor’s configuration', async ({ page }) => {
  await page.route(LIST, (route) =>
    route.fulfill({
      status: 401,
      json: { error: { code: 'INVALID_API_KEY', message: 'Invalid API key' }, request_id: 'r1' },
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(
    'The editor’s API key was refused. This is a configuration problem',
  );
});

test('a slow Konpro is said to be slow after a few seconds', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(LIST, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('Loading endpoints…');
  await expect(page.getByRole('status')).toContainText('Still waiting for Konpro to answer…', {
    timeout: 6000,
  });
  release();
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
});

test('without the catalog, the URL can still be changed and saved', async ({ page, endpoint }) => {
  let catalogUp = false;
  await page.route(CATALOG, (route) =>
    catalogUp
      ? route.continue()
      : route.fulfill({
          status: 403,
          json: { error: { code: 'INSUFFICIENT_PERMISSIONS', message: 'No' }, request_id: 'r2' },
        }),
  );
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await expect(page.getByRole('alert')).toContainText('The event types could not be loaded');
  await page.getByLabel('Endpoint URL').fill('https://without-catalog.example.com/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  catalogUp = true;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(
    page.getByRole('checkbox', { name: 'avatar_video.success', exact: true }),
  ).toBeChecked();
});

test('the embedded editors load without shifting the host page', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/embed-demo.html');
  await expect(page.locator('#mounted-editor').getByRole('link').first()).toBeVisible();
  await expect(page.locator('#element-editor').getByRole('link').first()).toBeVisible();
  await page.waitForTimeout(300); // shifts are reported after the frame that has them
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  expect(shift).toBeLessThan(0.01);
});

test('embedded, no event group skips its rendering (none paints blank while scrolling)', async ({
  page,
  endpoint,
}) => {
  await page.goto(`/embed-demo.html?endpoint_id=${endpoint.endpoint_id}`);
  const editor = page.locator('#mounted-editor');
  await editor.getByRole('button', { name: 'Expand all groups' }).click();
  const skipping = await editor.evaluate(
    (host) =>
      [...(host.shadowRoot?.querySelectorAll('.kwe-group') ?? [])].filter(
        (group) => getComputedStyle(group).contentVisibility !== 'visible',
      ).length,
  );
  expect(skipping).toBe(0);
});
