// Two admins on one endpoint, each in a browser context of their own (two people, two
// browsers), against the real server: neither silently overwrites the other.
import type { APIRequestContext, Locator, Page, Request } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';
import { expectNoAxeViolations } from './axe';
import { expect, test as base } from './fixtures';

type TwoAdmins = {
  /** Admin A is `page`; admin B works in a second browser context. */
  other: Page;
  /** An endpoint like the one of the report: `video.updated` and `avatar_video.success`. */
  shared: Endpoint;
};

const test = base.extend<TwoAdmins>({
  other: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    await use(await context.newPage());
    await context.close();
  },
  shared: async ({ request }, use, testInfo) => {
    const response = await request.post('/api/v1/webhook/endpoint.add', {
      data: {
        url: `https://two-admins-${testInfo.workerIndex}-${Date.now()}.example.com/hook`,
        events: ['video.updated', 'avatar_video.success'],
      },
    });
    expect(response.status()).toBe(200);
    await use((await response.json()) as Endpoint);
  },
});

const THEIR_URL = 'https://theirs.example.com/hook';
const MY_URL = 'https://mine.example.com/hook';

async function open(page: Page, endpoint: Endpoint) {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
}

const box = (scope: Page | Locator, name: string) =>
  scope.getByRole('checkbox', { name, exact: true });

async function saveAndSee(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

function recordPatches(page: Page) {
  const patches: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request);
  });
  return patches;
}

async function onServer(request: APIRequestContext, id: string): Promise<Endpoint | undefined> {
  const response = await request.get('/api/v1/webhook/endpoint.list');
  const { data } = (await response.json()) as { data: Endpoint[] };
  return data.find((endpoint) => endpoint.endpoint_id === id);
}

test('a box ticked elsewhere survives a box unticked here, and the admin is told', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);

  await box(other, 'batch.finished').check();
  await saveAndSee(other);

  const patches = recordPatches(page);
  await box(page, 'video.updated').uncheck();
  await expect(page.getByRole('region', { name: 'Changes to save' })).toContainText(
    'Events removed: video.updated',
  );
  await saveAndSee(page);

  expect(patches.map((patch) => patch.postDataJSON() as unknown)).toEqual([
    { endpoint_id: shared.endpoint_id, events: ['avatar_video.success', 'batch.finished'] },
  ]);
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toContainText('batch.finished');
  await expect(panel).not.toContainText('video.updated');
  await expect(page.getByText('Changes saved elsewhere in the meantime were kept:')).toBeVisible();
  await expect(page.getByText('Events added: batch.finished')).toBeVisible();
  await expect(box(page, 'batch.finished')).toBeChecked();
  expect((await onServer(request, shared.endpoint_id))?.events).toEqual([
    'avatar_video.success',
    'batch.finished',
  ]);
});

test('a URL changed on both sides saves nothing until the admin overwrites, by keyboard', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);
  await other.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(other);

  const patches = recordPatches(page);
  await page.getByLabel('Endpoint URL').fill(MY_URL);
  await page.getByRole('button', { name: 'Save changes' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(THEIR_URL);
  await expect(alert).toBeFocused();
  await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);
  expect(patches).toHaveLength(0);
  expect((await onServer(request, shared.endpoint_id))?.url).toBe(THEIR_URL);

  // Keep theirs, the safe choice, comes first; Overwrite with mine is one Tab further.
  await page.keyboard.press('Tab');
  await expect(alert.getByRole('button', { name: 'Keep theirs' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(alert.getByRole('button', { name: 'Overwrite with mine' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(patches.map((patch) => patch.postDataJSON() as unknown)).toEqual([
    { endpoint_id: shared.endpoint_id, url: MY_URL },
  ]);
  expect((await onServer(request, shared.endpoint_id))?.url).toBe(MY_URL);
});

test('Keep theirs puts their URL in the form and sends nothing', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);
  await other.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(other);

  const patches = recordPatches(page);
  await page.getByLabel('Endpoint URL').fill(MY_URL);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByRole('button', { name: 'Keep theirs' }).click();

  await expect(page.getByLabel('Endpoint URL')).toHaveValue(THEIR_URL);
  await expect(page.getByLabel('Endpoint URL')).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  expect(patches).toHaveLength(0);
  expect((await onServer(request, shared.endpoint_id))?.url).toBe(THEIR_URL);
});

test('a URL changed only elsewhere is not sent with an events change', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);
  await other.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(other);

  const patches = recordPatches(page);
  await box(page, 'personalized_video').check();
  await saveAndSee(page);

  const [patch] = patches.map((request) => request.postDataJSON() as Record<string, unknown>);
  expect(patch).not.toHaveProperty('url');
  expect(patch?.events).toContain('personalized_video');
  await expect(page.getByRole('region', { name: 'What the server saved' })).toContainText(
    THEIR_URL,
  );
  expect(await onServer(request, shared.endpoint_id)).toMatchObject({
    url: THEIR_URL,
    events: ['video.updated', 'avatar_video.success', 'personalized_video'],
  });
});

test('a write that lands between the read and the write is seen by the server, and merged', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);
  const patches = recordPatches(page);
  let slipped = false;
  await page.route('**/api/v1/webhook/endpoint.update', async (route) => {
    if (!slipped) {
      // B's save reaches the server after A's read and before A's write.
      slipped = true;
      await box(other, 'batch.finished').check();
      await saveAndSee(other);
    }
    await route.continue();
  });
  await box(page, 'video.updated').uncheck();
  await saveAndSee(page);

  expect(patches).toHaveLength(2);
  const [first, second] = await Promise.all(patches.map((patch) => patch.response()));
  expect(first?.status()).toBe(412);
  expect(second?.status()).toBe(200);
  expect(await patches[0]?.headerValue('if-match')).toMatch(/^"v1-[0-9a-f]{16}"$/);
  expect(patches[1]?.postDataJSON()).toEqual({
    endpoint_id: shared.endpoint_id,
    events: ['avatar_video.success', 'batch.finished'],
  });
  expect((await onServer(request, shared.endpoint_id))?.events).toEqual([
    'avatar_video.success',
    'batch.finished',
  ]);
  await expect(page.getByText('Events added: batch.finished')).toBeVisible();
});

test('unticking together asks instead of subscribing to all events', async ({
  page,
  other,
  shared,
  request,
}) => {
  await open(page, shared);
  await open(other, shared);
  await box(other, 'video.updated').uncheck();
  await saveAndSee(other);

  const patches = recordPatches(page);
  await box(page, 'avatar_video.success').uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('would leave no event selected');
  expect(patches).toHaveLength(0);
  expect((await onServer(request, shared.endpoint_id))?.events).toEqual(['avatar_video.success']);

  await alert.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(box(page, 'avatar_video.success')).toBeChecked();
  await expect(box(page, 'video.updated')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  expect(patches).toHaveLength(0);
});

test('a change made elsewhere shows a quiet notice on returning to the tab', async ({
  page,
  other,
  shared,
}) => {
  await open(page, shared);
  await open(other, shared);
  await page.getByLabel('Endpoint URL').fill(MY_URL);
  await box(other, 'batch.finished').check();
  await saveAndSee(other);

  // What the browser does when the admin comes back to this tab.
  await page.evaluate(() =>
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
  );
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'This endpoint changed on the server' });
  await expect(notice).toContainText('Events added: batch.finished');
  await expect(notice).toContainText('Your edits are kept');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(MY_URL);
  // Quiet: focus stays where the admin was typing.
  await expect(page.getByLabel('Endpoint URL')).toBeFocused();
  await expect(box(page, 'batch.finished')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Changes to save' })).not.toContainText('Events');

  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toHaveCount(0);
});

test('an open editor looks again every minute', async ({ page, other, shared }) => {
  await page.clock.install();
  await open(page, shared);
  await open(other, shared);
  await other.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(other);

  await page.clock.fastForward(61_000);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(THEIR_URL);
  await expect(page.getByText('The form shows the new values.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('after a failed save the old panel goes, and Reload endpoint keeps the draft', async ({
  page,
  other,
  shared,
}) => {
  await open(page, shared);
  await open(other, shared);
  await box(page, 'personalized_video').check();
  await saveAndSee(page);
  await expect(page.getByRole('region', { name: 'What the server saved' })).toBeVisible();

  await page.route('**/api/v1/webhook/endpoint.update', (route) =>
    route.fulfill({
      status: 504,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'UPSTREAM_TIMEOUT', message: 'Slow' } }),
    }),
  );
  await page.getByLabel('Endpoint URL').fill(MY_URL);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('reload this endpoint to check');
  await expect(page.getByRole('region', { name: 'What the server saved' })).toHaveCount(0);

  await box(other, 'batch.finished').check();
  await saveAndSee(other);
  await banner.getByRole('button', { name: 'Reload endpoint' }).click();

  const notice = page
    .getByRole('status')
    .filter({ hasText: 'This endpoint changed on the server' });
  await expect(notice).toContainText('Events added: batch.finished');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(MY_URL);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled();
});

test('another tab of the same browser hears of a save at once', async ({ page, other, shared }) => {
  // BroadcastChannel joins the tabs of one browser, so the second tab shares A's context; B,
  // in the other context, hears nothing until it looks again.
  const secondTab = await page.context().newPage();
  await open(page, shared);
  await open(secondTab, shared);
  await open(other, shared);

  await secondTab.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(secondTab);

  await expect(page.getByLabel('Endpoint URL')).toHaveValue(THEIR_URL);
  await expect(
    page.getByRole('status').filter({ hasText: 'This endpoint changed on the server' }),
  ).toContainText(THEIR_URL);
  await expect(other.getByLabel('Endpoint URL')).toHaveValue(shared.url);
});

test('two editors on one page share what the server holds', async ({ page, other, shared }) => {
  await page.goto(
    `/embed-demo.html?endpoint_id=${shared.endpoint_id}&element_endpoint_id=${shared.endpoint_id}`,
  );
  await open(other, shared);
  const mounted = page.locator('#mounted-editor');
  const element = page.locator('#element-editor');
  await expect(element.getByLabel('Endpoint URL')).toHaveValue(shared.url);
  await box(mounted, 'personalized_video').check();

  await element.getByLabel('Endpoint URL').fill(THEIR_URL);
  await element.getByRole('button', { name: 'Save changes' }).click();
  await expect(element.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await expect(mounted.getByLabel('Endpoint URL')).toHaveValue(THEIR_URL);
  await expect(mounted.getByText('This endpoint changed on the server:')).toBeVisible();
  await expect(box(mounted, 'personalized_video')).toBeChecked();
  await mounted.getByRole('button', { name: 'Save changes' }).click();
  await expect(mounted.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(mounted.getByRole('region', { name: 'What the server saved' })).toContainText(
    THEIR_URL,
  );
  await expect(other.getByLabel('Endpoint URL')).toHaveValue(shared.url);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the conflict, the notice and the kept note have no axe violations, ${colorScheme}`, async ({
    page,
    other,
    shared,
  }) => {
    await page.emulateMedia({ colorScheme });
    await open(page, shared);
    await open(other, shared);
    await other.getByLabel('Endpoint URL').fill(THEIR_URL);
    await saveAndSee(other);
    await page.getByLabel('Endpoint URL').fill(MY_URL);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toContainText(THEIR_URL);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Keep theirs' }).click();
    await box(page, 'personalized_video').check();
    await box(other, 'batch.finished').check();
    await saveAndSee(other);
    await page.evaluate(() =>
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
    );
    await expect(page.getByText('This endpoint changed on the server:')).toBeVisible();
    await expectNoAxeViolations(page);

    await box(other, 'video.updated').uncheck();
    await saveAndSee(other);
    await saveAndSee(page);
    await expect(page.getByText('Events removed: video.updated')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the saved panel follows a change another admin saved after mine', async ({
  page,
  other,
  shared,
}) => {
  await open(page, shared);
  await box(page, 'batch.finished').check();
  await saveAndSee(page);
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await expect(panel).toContainText('batch.finished');

  await open(other, shared);
  await box(other, 'batch.finished').uncheck();
  await saveAndSee(other);

  // What the browser does when the admin comes back to this tab (as the minute's read does).
  await page.evaluate(() =>
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'This endpoint changed on the server' }),
  ).toContainText('Events removed: batch.finished');
  await expect(box(page, 'batch.finished')).not.toBeChecked();
  await expect(panel).not.toContainText('batch.finished');
  await expect(panel).toContainText('avatar_video.success');
});

test('the conflict alert leads with Keep theirs, and Keep theirs says what is left unsaved', async ({
  page,
  other,
  shared,
}) => {
  await open(page, shared);
  await open(other, shared);
  await other.getByLabel('Endpoint URL').fill(THEIR_URL);
  await saveAndSee(other);

  await page.getByLabel('Endpoint URL').fill(MY_URL);
  await box(page, 'personalized_video').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Overwrite with mine discards their URL.');
  await expect(alert.getByRole('button')).toHaveText(['Keep theirs', 'Overwrite with mine']);
  await expect(alert.getByRole('button', { name: 'Keep theirs' })).toHaveClass(/kwe-primary/);
  await expect(alert.getByRole('button', { name: 'Overwrite with mine' })).not.toHaveClass(
    /kwe-primary/,
  );

  await alert.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kept theirs' })).toHaveText(
    'Kept theirs. Your other edits are still unsaved.',
  );
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(THEIR_URL);
  await expect(box(page, 'personalized_video')).toBeChecked();
});
