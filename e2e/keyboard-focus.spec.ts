// The keyboard path through the editor in a real browser: no focus stop between the URL and Save
// hides under the sticky Save bar (WCAG 2.2, 2.4.11), standalone or embedded, wide or narrow;
// and the skip link passes the event list.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allowTime } from './time-budget';

type Stop = { name: string; covered: boolean };

/** One Tab press and one look at where focus went, on a loaded machine. */
const PRESS_MS = 150;

/** Tabs from the URL field to Save, noting every stop the bar covers even in part. */
async function walkToSave(page: Page, editor: Page | Locator): Promise<Stop[]> {
  await editor.getByLabel('Endpoint URL').fill('https://focus-walk.example.com/hook');
  await editor.getByRole('button', { name: 'Expand all groups' }).click();
  await editor.getByLabel('Endpoint URL').focus();
  const stops: Stop[] = [];
  // A press re-renders little, but a hundred of them on a busy machine took 18 s.
  allowTime(150 * PRESS_MS);
  for (let presses = 0; presses < 150; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element) return null;
      const root = element.getRootNode() as Document | ShadowRoot;
      const bar = root.querySelector('.kwe-form-actions');
      if (!bar) return null;
      const box = element.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      return {
        name: (element.getAttribute('aria-label') ?? element.textContent).trim(),
        covered: !bar.contains(element) && box.bottom > barBox.top && box.top < barBox.bottom,
        save: element.textContent === 'Save changes',
      };
    });
    if (stop === null) throw new Error('focus left the editor before reaching Save');
    stops.push({ name: stop.name, covered: stop.covered });
    if (stop.save) return stops;
  }
  throw new Error('Tab never reached Save changes');
}

for (const { width, height } of [
  { width: 1280, height: 800 },
  { width: 768, height: 700 },
  { width: 375, height: 640 },
]) {
  test(`at ${width} px no stop on the way to Save is covered by the Save bar`, async ({
    page,
    endpoint,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
    const stops = await walkToSave(page, page);
    expect(stops.length).toBeGreaterThan(30); // every group open: the walk passes them all
    expect(stops.filter((stop) => stop.covered)).toEqual([]);
  });
}

test('embedded at 375 px, no stop is covered by the Save bar either', async ({
  page,
  endpoint,
}) => {
  await page.setViewportSize({ width: 375, height: 640 });
  await page.goto(`/embed-demo.html?endpoint_id=${endpoint.endpoint_id}`);
  const editor = page.locator('#mounted-editor');
  await expect(editor.getByLabel('Endpoint URL')).toHaveValue(endpoint.url);
  const stops = await walkToSave(page, editor);
  expect(stops.filter((stop) => stop.covered)).toEqual([]);
});

test('the skip link passes the event list', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill('https://skipping.example.com/hook');
  await page.getByRole('radio', { name: 'Selected events' }).focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip the event list' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Changes to save' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeFocused();
});

test('a search shows a closed group’s events as boxes named by their type', async ({
  page,
  endpoint,
}) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  const closed = page.getByRole('button', { name: 'photo_avatar_train 0 of 2 selected' });
  await expect(closed).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('photo_avatar_train');
  const box = page.getByRole('checkbox', { name: 'photo_avatar_train.fail', exact: true });
  await expect(box).toBeVisible();
  await expect(box).toHaveAccessibleDescription('Training a photo avatar failed.');
  await expect(page.getByRole('checkbox', { name: 'Select the 2 shown' })).toBeVisible();
});
