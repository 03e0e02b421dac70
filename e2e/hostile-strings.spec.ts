// Strings a hostile or careless upstream can put in front of an admin: look-alike hosts and
// direction overrides that would make a URL or message read as something else.
import { expect, test } from '@playwright/test';

const RLO = '\u202e';

test('the list shows hosts in ASCII and isolates every server string', async ({ page }) => {
  await page.route('**/api/v1/webhook/endpoint.list', (route) =>
    route.fulfill({
      json: {
        data: [
          {
            endpoint_id: `ep_${RLO}evil`,
            url: 'https://pаypal.com/hook',
            status: 'enabled',
            events: [],
          },
        ],
      },
    }),
  );
  await page.goto('/');
  const link = page.getByRole('link', { name: 'https://xn--pypal-4ve.com/hook' });
  await expect(link).toBeVisible();
  const isolation = (text: string) =>
    page
      .getByText(text)
      .first()
      .evaluate((element) => getComputedStyle(element).unicodeBidi);
  expect(await isolation('https://xn--pypal-4ve.com/hook')).toBe('isolate');
  expect(await isolation(`ep_${RLO}evil`)).toBe('isolate');
});

test("an error message from the server cannot reorder the banner's words", async ({ page }) => {
  await page.route('**/api/v1/webhook/endpoint.update', (route) =>
    route.fulfill({
      status: 400,
      json: { error: { code: 'PROCESSING_ERROR', message: `${RLO}deliver to evil.example` } },
    }),
  );
  await page.goto('/?endpoint_id=ep_demo_video_status');
  await page.getByRole('checkbox', { name: 'batch.finished', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const detail = page.getByRole('alert').locator('bdi');
  await expect(detail).toHaveText(`${RLO}deliver to evil.example`);
  expect(await detail.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');
});
