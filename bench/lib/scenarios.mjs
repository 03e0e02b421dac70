// One measured run of each thing the bench times, in headless Chromium. Each run gets a fresh
// browser context (empty cache, empty storage) unless it says otherwise.
import { fileURLToPath } from 'node:url';
import { boxesToTick, routeLargeAccount } from './large-account.mjs';
import { watchEventTiming, watchReady, watchSave } from './page-probes.mjs';

const TIMEOUT = 30_000;
export const SAVE_BUTTON = 'Save changes';
export const SAVED_REGION = 'What the server saved';

// Where a failed run leaves a screenshot, so a timeout can be told from a broken page.
const FAILURE_SCREENSHOT = fileURLToPath(new URL('../../dist-bench/failure.png', import.meta.url));

export async function withPage(browser, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  try {
    return await body(page);
  } catch (error) {
    await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: false }).catch(() => {});
    const seen = problems.length > 0 ? problems.join('\n  ') : 'no page errors';
    throw new Error(
      `${error.message}\n  at ${page.url()}; screenshot: ${FAILURE_SCREENSHOT}\n  ${seen}`,
      {
        cause: error,
      },
    );
  } finally {
    await context.close();
  }
}

export const readNumber = (page, name) =>
  page.waitForFunction((key) => window[key], name, { timeout: TIMEOUT }).then((h) => h.jsonValue());

/**
 * Lighthouse's "slow 4G" (its mobile default): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
 * up, applied by Chromium to the bytes as they arrive, that is compressed.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

async function throttle(page, network) {
  if (!network) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network);
}

/**
 * Bytes the page received so far (document and every resource, headers included), and when it
 * first painted content (ms).
 */
const pageFacts = (page) =>
  page.evaluate(() => ({
    bytes: performance
      .getEntriesByType('navigation')
      .concat(performance.getEntriesByType('resource'))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  }));

/**
 * ms from navigation start until the editor's URL field holds `endpoint.url`, and the bytes
 * received by then.
 */
export function editorReady(browser, baseUrl, endpoint, { network } = {}) {
  return withPage(browser, async (page) => {
    await throttle(page, network);
    await page.addInitScript(watchReady, { label: 'Endpoint URL', value: endpoint.url });
    await page.goto(`${baseUrl}/?endpoint_id=${encodeURIComponent(endpoint.endpoint_id)}`);
    const ms = await readNumber(page, '__benchReady');
    return { ms, ...(await pageFacts(page)) };
  });
}

/** ms from navigation start until the baseline's line is in the DOM, and the bytes by then. */
export function baselineReady(browser, baseUrl, text, { network } = {}) {
  return withPage(browser, async (page) => {
    await throttle(page, network);
    await page.addInitScript(watchReady, { text });
    await page.goto(`${baseUrl}/`);
    const ms = await readNumber(page, '__benchReady');
    return { ms, ...(await pageFacts(page)) };
  });
}

export async function openEditor(page, baseUrl, endpoint) {
  await page.addInitScript(watchReady, { label: 'Endpoint URL', value: endpoint.url });
  await page.goto(`${baseUrl}/?endpoint_id=${encodeURIComponent(endpoint.endpoint_id)}`);
  await readNumber(page, '__benchReady');
}

/** ms from the click on Save until the "What the server saved" region is in the page. */
export function saveToPanel(browser, baseUrl, endpoint, newUrl) {
  return withPage(browser, async (page) => {
    await page.addInitScript(watchSave, { button: SAVE_BUTTON, region: SAVED_REGION });
    await openEditor(page, baseUrl, endpoint);
    await page.getByLabel('Endpoint URL', { exact: true }).fill(newUrl);
    await page.getByRole('button', { name: SAVE_BUTTON, exact: true }).click();
    await page.getByRole('region', { name: SAVED_REGION }).waitFor();
    const save = await page.waitForFunction(
      () => window.__benchSave?.shownAt && window.__benchSave,
    );
    const { clickAt, shownAt } = await save.jsonValue();
    return shownAt - clickAt;
  });
}

// A fast typist holds a key for about 50 ms, and a click is about as long; without it, every
// event of a keystroke or click would land in one frame and share one duration.
export const PRESS_MS = 50;

/**
 * With 1,000 event types and 200 endpoints: types a URL into the editor, then ticks boxes by
 * clicking them. Returns the Event Timing entries of the two phases and how many interactions
 * each phase had.
 */
export function inputLatency(browser, baseUrl, { url, ticks }) {
  return withPage(browser, async (page) => {
    await page.addInitScript(watchEventTiming);
    const endpoint = await routeLargeAccount(page);
    await openEditor(page, baseUrl, endpoint);
    await page.getByRole('radio', { name: 'Selected events' }).waitFor();
    await page.getByRole('checkbox', { name: endpoint.events[0], exact: true }).waitFor();
    // Groups start closed but for those holding a selection: open them all, so both phases run
    // with all 1,000 boxes on the page, as the admin who scans the whole list has them.
    await page.getByRole('button', { name: 'Expand all groups', exact: true }).click();
    await page.getByRole('checkbox', { name: boxesToTick(1)[0], exact: true }).waitFor();

    const now = () => page.evaluate(() => performance.now());
    const typingFrom = await now();
    const field = page.getByLabel('Endpoint URL', { exact: true });
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(url, { delay: PRESS_MS });
    const tickingFrom = await now();
    const boxes = boxesToTick(ticks);
    for (const name of boxes) {
      await page.getByRole('checkbox', { name, exact: true }).click({ delay: PRESS_MS });
      // Finding the next box by its name is work on the page's main thread: let the frame that
      // answers this click be painted first, or its time would count against the app.
      await afterNextPaint(page, 50);
    }
    // Entries are reported after the frame that follows the event has been presented.
    await afterNextPaint(page, 250);
    const entries = await page.evaluate(() => window.__benchEvents);
    const between = (from, to) => entries.filter((e) => e.startTime >= from && e.startTime < to);
    return {
      // The click into the field, Ctrl and A, and one key per character.
      typing: { entries: between(typingFrom, tickingFrom), interactions: url.length + 3 },
      ticking: { entries: between(tickingFrom, Infinity), interactions: boxes.length },
    };
  });
}

export const afterNextPaint = (page, ms) =>
  page.evaluate(
    (wait) =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)));
      }),
    ms,
  );
