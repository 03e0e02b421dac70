// The list page of a big account: 500 endpoints, answered by Playwright in place of the server's
// endpoint.list. How long until the list is in the page (its count said, its first rows drawn:
// the page draws 100 at a time), and how slow the page answers while the admin types into
// "Search endpoints", which searches all 500.
import { largeEndpointList } from './large-account.mjs';
import { watchEventTiming, watchReady } from './page-probes.mjs';
import { PRESS_MS, afterNextPaint, readNumber, withPage } from './scenarios.mjs';

export const LIST_SIZE = 500;
export const SEARCH_BOX = 'Search endpoints';
// Narrows 500 endpoints down step by step: 'h' matches all, 'hooks49' a handful.
export const SEARCH_TEXT = 'hooks49';

/**
 * Returns the ms until the page says it holds all 500 endpoints, and the Event Timing entries of
 * the typing (null when the page has no search box to type into).
 */
export function listSearch(browser, baseUrl) {
  return withPage(browser, async (page) => {
    // The real server keeps secrets out of lists; so does this stand-in.
    const endpoints = largeEndpointList(LIST_SIZE);
    for (const endpoint of endpoints) delete endpoint.secret;
    await page.route('**/api/v1/webhook/endpoint.list*', (route) =>
      route.fulfill({ json: { data: endpoints } }),
    );
    await page.addInitScript(watchEventTiming);
    await page.addInitScript(watchReady, { text: `${LIST_SIZE} endpoints` });
    await page.goto(`${baseUrl}/`);
    const shownMs = await readNumber(page, '__benchReady');

    const box = page.getByLabel(SEARCH_BOX, { exact: true });
    if ((await box.count()) === 0) return { shownMs, search: null };
    const from = await page.evaluate(() => performance.now());
    await box.click();
    await page.keyboard.type(SEARCH_TEXT, { delay: PRESS_MS });
    await afterNextPaint(page, 250);
    const entries = await page.evaluate(
      (start) => window.__benchEvents.filter((entry) => entry.startTime >= start),
      from,
    );
    // The click into the box and one key per character.
    return { shownMs, search: { entries, interactions: SEARCH_TEXT.length + 1 } };
  });
}
