// The list in the real app: its query kept in the address, headings that sort, URLs of any length
// in two lines at most, readable international addresses, and where a delete leaves the admin.
import type { APIRequestContext, Locator } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';
import { expect, test } from './fixtures';

let made = 0;
const tagOf = (name: string) => `${name}-${process.pid}-${Date.now()}-${++made}`;

async function add(request: APIRequestContext, url: string): Promise<Endpoint> {
  const response = await request.post('/api/v1/webhook/endpoint.add', {
    data: { url, events: ['avatar_video.success'] },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Endpoint;
}

/** Whether the whole of `locator` is inside the window. */
async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

test('after a delete on a phone, the note and the focused heading are in view', async ({
  page,
  request,
}) => {
  const tag = tagOf('phone-delete');
  // Enough endpoints that the one opened is well down the list.
  const endpoints: Endpoint[] = [];
  for (let i = 0; i < 8; i += 1) {
    endpoints.push(await add(request, `https://zz-${tag}-${i}.example.com/hook`));
  }
  const last = endpoints[endpoints.length - 1] as Endpoint;
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto('/');
  const link = page.getByRole('link', { name: last.url });
  await link.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
  await link.click();
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this endpoint?' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();

  const note = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(note).toContainText(last.url);
  const heading = page.getByRole('heading', { name: 'Webhook endpoints' });
  await expect(heading).toBeFocused();
  await expect(note).toBeInViewport({ ratio: 1 });
  expect(await inViewport(note)).toBe(true);
  expect(await inViewport(heading)).toBe(true);
});

test('search, filter and order live in the address: a reload and Back keep them', async ({
  page,
  request,
}) => {
  const tag = tagOf('address');
  const older = await add(request, `https://b-${tag}.example.com/hook`);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // created_at counts in seconds
  const newer = await add(request, `https://a-${tag}.example.com/hook`);
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search endpoints' }).fill(tag);
  const rows = page.getByRole('table').getByRole('link');
  await expect(rows).toHaveText([newer.url, older.url]); // URL, A to Z

  const created = page.getByRole('columnheader', { name: 'Created' });
  await created.getByRole('button', { name: 'Created' }).click();
  await expect(created).toHaveAttribute('aria-sort', 'descending');
  await created.getByRole('button', { name: 'Created' }).click();
  await expect(created).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows).toHaveText([older.url, newer.url]);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('enabled');
  await expect
    .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
    .toEqual({ q: tag, status: 'enabled', sort: 'oldest' });

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search endpoints' })).toHaveValue(tag);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('enabled');
  await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(rows).toHaveText([older.url, newer.url]);

  // An endpoint's address carries none of it; Back finds the list as it was.
  await rows.first().click();
  await expect(page.getByLabel('Endpoint URL')).toBeVisible();
  expect(new URL(page.url()).search).toBe(`?endpoint_id=${older.endpoint_id}`);
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Search endpoints' })).toHaveValue(tag);
  await expect(rows).toHaveText([older.url, newer.url]);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('oldest');
});

test('a long URL takes two lines at most; a short one stays whole on a wide screen', async ({
  page,
  request,
}) => {
  const tag = `l${process.pid % 1000}${Date.now() % 1e6}${++made}`; // short: it goes in both URLs
  const long = await add(
    request,
    `https://${tag}.example.com/${'segment/'.repeat(75)}end?x=${'y'.repeat(40)}`,
  );
  // A URL as admins write them, about 40 characters.
  const short = await add(request, `https://hooks.example.com/${tag}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?q=${tag}`);
  const lineHeight = (link: Locator) =>
    link.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  const height = (link: Locator) =>
    link.evaluate((element) => element.getBoundingClientRect().height);
  const longLink = page.getByRole('link', { name: long.url });
  const shortLink = page.getByRole('link', { name: short.url });
  await expect(longLink).toBeVisible();
  const line = await lineHeight(longLink);
  expect(await height(longLink)).toBeLessThanOrEqual(2 * line + 1);
  expect(await height(shortLink)).toBeLessThanOrEqual(line + 1);
  // The whole URL stays the link's name and the cell's tooltip.
  await expect(longLink).toHaveText(long.url);
  await expect(page.getByRole('cell').filter({ has: longLink })).toHaveAttribute('title', long.url);

  await page.setViewportSize({ width: 375, height: 800 });
  expect(await height(longLink)).toBeLessThanOrEqual(2 * line + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('an international address reads as itself beside its exact form, and is found both ways', async ({
  page,
  request,
}) => {
  const tag = tagOf('idn');
  const munich = await add(request, `https://münchen-${tag}.example/bücher`);
  const lookalike = await add(request, `https://аpple-${tag}.example/hook`); // Cyrillic а
  expect(munich.url).toMatch(/^https:\/\/xn--/);
  await page.goto(`/?q=${tag}`);
  const cellOf = (endpoint: Endpoint) =>
    page.getByRole('cell').filter({ has: page.getByRole('link', { name: endpoint.url }) });
  await expect(cellOf(munich)).toContainText(`(reads as https://münchen-${tag}.example/bücher)`);
  await expect(cellOf(lookalike)).not.toContainText('reads as');
  await expect(cellOf(lookalike)).not.toContainText('аpple');

  const search = page.getByRole('searchbox', { name: 'Search endpoints' });
  await search.fill(`münchen-${tag}`);
  await expect(page.getByRole('table').getByRole('link')).toHaveText([munich.url]);
  await search.fill(new URL(munich.url).hostname);
  await expect(page.getByRole('table').getByRole('link')).toHaveText([munich.url]);

  // The editor says it too, beside the field that holds the exact form.
  await page.getByRole('link', { name: munich.url }).click();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(munich.url);
  await expect(page.getByText(`It reads as https://münchen-${tag}.example/bücher.`)).toBeVisible();
});

test('the copy button copies the endpoint ID it names', async ({ page, endpoint, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/?q=${endpoint.endpoint_id}`);
  await page.getByRole('button', { name: `Copy ID ${endpoint.endpoint_id}` }).click();
  await expect(
    page.getByRole('button', { name: `Copied ID ${endpoint.endpoint_id}` }),
  ).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(endpoint.endpoint_id);
});
