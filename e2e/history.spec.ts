// The History region against the real server: what an admin does through the page (add, save a
// new URL and events, reveal the secret) comes back as sentences, newest first; the region reads
// well at a desktop's and a phone's width, in light and dark, and has no axe violations.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

let made = 0;
const newUrl = (name: string) =>
  `https://${name}-${process.pid}-${Date.now()}-${++made}.example.com/hooks`;

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const entries = (page: Page) => history(page).getByRole('listitem');
const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });

/** Ticks or unticks an event type, found through the search box as an admin would. */
async function setEvent(page: Page, name: string, on: boolean) {
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill(name);
  await box(page, name).setChecked(on);
  await search.fill('');
}

async function expectSentence(entry: Locator, sentence: string) {
  await expect(entry.locator('p').first()).toHaveText(sentence);
  await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
}

test('an add, a save of a new URL and events, and a secret reveal are told in words', async ({
  page,
}) => {
  const url = newUrl('history-add');
  const moved = newUrl('history-moved');
  await page.goto('/?new');
  await page.getByLabel('Endpoint URL').fill(url);
  await setEvent(page, 'avatar_video.success', true);
  await setEvent(page, 'avatar_video.fail', true);
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(url);

  await expect(entries(page)).toHaveCount(1);
  const created = entries(page).first();
  await expect(created.locator('p').first()).toContainText(
    `Someone (no sign-in) created the endpoint at ${url} with `,
  );
  await expect(created).toContainText('avatar_video.success');
  await expect(created).toContainText('avatar_video.fail');

  await page.getByLabel('Endpoint URL').fill(moved);
  await setEvent(page, 'personalized_video', true);
  await setEvent(page, 'avatar_video.fail', false);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  await expectSentence(
    entries(page).first(),
    `Someone (no sign-in) changed the URL from ${url} to ${moved}, added personalized_video, and removed avatar_video.fail`,
  );

  // Right after the create the page still holds the secret Konpro answered with; opened again,
  // it asks the server, which records the reveal.
  await page.reload();
  await expect(entries(page)).toHaveCount(2);
  const secret = page.getByRole('region', { name: 'Signing secret' });
  await secret.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(secret.locator('code')).toHaveText(/^whsec_/);
  await expect(entries(page)).toHaveCount(3);
  await expectSentence(entries(page).first(), 'Someone (no sign-in) revealed the signing secret');
  // Newest first, and each says when: just now, in the reader's language.
  await expect(entries(page).nth(2)).toContainText('Someone (no sign-in) created the endpoint');
  await expect(entries(page).first().locator('time')).toContainText(/now|second|minute/);
});

/** An endpoint with a long URL and a few entries of history, made through the server's API. */
async function endpointWithHistory(request: APIRequestContext): Promise<Endpoint> {
  const path = 'a-rather-long-path/for-a-phone-screen/that-must-wrap-rather-than-overflow';
  const add = await request.post('/api/v1/webhook/endpoint.add', {
    data: { url: `${newUrl('history-look')}/${path}`, events: ['avatar_video.success'] },
  });
  expect(add.status()).toBe(200);
  const endpoint = (await add.json()) as Endpoint;
  const update = (data: object) =>
    request.patch('/api/v1/webhook/endpoint.update', {
      data: { endpoint_id: endpoint.endpoint_id, ...data },
    });
  expect((await update({ url: `${newUrl('history-look-moved')}/${path}` })).status()).toBe(200);
  expect((await update({ events: [] })).status()).toBe(200);
  expect((await update({ events: ['personalized_video', 'avatar_video.fail'] })).status()).toBe(
    200,
  );
  const reveal = await request.get(
    `/api/v1/webhook/endpoint.secret?endpoint_id=${endpoint.endpoint_id}`,
  );
  expect(reveal.status()).toBe(200);
  return endpoint;
}

for (const width of [1280, 375]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the History at ${width} px, ${colorScheme}: fits, reads, no axe violations`, async ({
      page,
      request,
    }, testInfo) => {
      const endpoint = await endpointWithHistory(request);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await expect(entries(page)).toHaveCount(5);
      await expect(entries(page).nth(1)).toContainText(
        'removed all events and added personalized_video and avatar_video.fail',
      );
      await expect(entries(page).nth(2)).toContainText('subscribed to all events instead of');

      // Long URLs wrap inside the region: nothing scrolls sideways.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      const region = await history(page).boundingBox();
      expect(region !== null && region.x + region.width <= width).toBe(true);

      await page.screenshot({
        path: testInfo.outputPath(`history-${width}-${colorScheme}.png`),
        fullPage: true,
      });
      await history(page).screenshot({
        path: testInfo.outputPath(`history-${width}-${colorScheme}-region.png`),
      });
      await expectNoAxeViolations(page, 'section.kwe-history');
    });
  }
}

test('a long history is read a page at a time: 20 entries, then 20 more on Show more, from the keyboard', async ({
  page,
  request,
}) => {
  const add = await request.post('/api/v1/webhook/endpoint.add', {
    data: { url: newUrl('history-pages'), events: ['avatar_video.success'] },
  });
  const endpoint = (await add.json()) as Endpoint;
  // 25 saves and the add: 26 entries.
  for (let n = 0; n < 25; n += 1) {
    const update = await request.patch('/api/v1/webhook/endpoint.update', {
      data: { endpoint_id: endpoint.endpoint_id, url: newUrl(`history-page-${n}`) },
    });
    expect(update.status()).toBe(200);
  }
  const limits: string[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.pathname.endsWith('/endpoint.history'))
      limits.push(url.searchParams.get('limit') ?? '');
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await expect(entries(page)).toHaveCount(20);
  expect(limits).toEqual(['21']);

  const more = history(page).getByRole('button', { name: 'Show more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(26);
  await expect(entries(page).nth(20)).toBeFocused();
  await expect(entries(page).last()).toContainText('created the endpoint');
  await expect(more).toHaveCount(0);
  expect(limits).toEqual(['21', '41']);
});
