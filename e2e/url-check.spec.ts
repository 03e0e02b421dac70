// Check URL against real HTTPS receivers on this machine: the server admits loopback receivers
// (KONPRO_CHECK_ALLOW_LOOPBACK=1) and trusts their throwaway CA through NODE_EXTRA_CA_CERTS, as a
// company's internal CA would be trusted. A good receiver passes; one that answers 500 fails, and
// saving it asks first (Save anyway / Cancel), with the keyboard alone; an expired certificate is
// named as what failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Server as HttpsServer, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, type TestInfo, expect, test } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';
import { expectNoAxeViolations } from './axe';
import { type Server, startServer, stopServer } from './server-process';
import { E2E_API_KEY } from './settings';
import { type TestCa, createTestCa } from '../server/test-support/test-ca';

type Receiver = { url: string; deliveries: unknown[]; close: () => Promise<void> };

/** An HTTPS receiver on 127.0.0.1 that records each delivery and answers `status`. */
async function startReceiver(
  certificates: { key: string; cert: string },
  status: number,
): Promise<Receiver> {
  const deliveries: unknown[] = [];
  const server: HttpsServer = createServer(
    certificates,
    (request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.method === 'POST') deliveries.push(JSON.parse(body || 'null'));
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/hook`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let dir: string;
let server: Server;
let ca: TestCa;
let good: Receiver;
let failing: Receiver;
let expired: Receiver;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'konpro-url-check-'));
  ca = createTestCa();
  const names = ['127.0.0.1', 'localhost'];
  // Valid for 90 days; the failing one's expires within two (a warning beside its failure).
  good = await startReceiver(ca.issue(names, { days: 90 }), 200);
  failing = await startReceiver(ca.issue(names, { days: 2 }), 500);
  expired = await startReceiver(ca.issue(names, { days: -1 }), 200);
  server = await startServer({
    KONPRO_API_KEY: E2E_API_KEY,
    KONPRO_DATA_FILE: join(dir, 'data.json'),
    KONPRO_CHECK_ALLOW_LOOPBACK: '1',
    NODE_EXTRA_CA_CERTS: ca.caFile,
  });
});

test.afterAll(async () => {
  await stopServer(server);
  await Promise.all([good.close(), failing.close(), expired.close()]);
  ca.remove();
  rmSync(dir, { recursive: true, force: true });
});

let made = 0;

/** A fresh endpoint on a public-looking URL, receiving one event. */
async function addEndpoint(page: Page): Promise<Endpoint> {
  made += 1;
  const response = await page.request.post(`${server.base}/api/v1/webhook/endpoint.add`, {
    data: {
      url: `https://url-check-${process.pid}-${made}.example.com/hooks`,
      events: ['avatar_video.success'],
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Endpoint;
}

async function listedUrl(page: Page, id: string): Promise<string | undefined> {
  const response = await page.request.get(`${server.base}/api/v1/webhook/endpoint.list`);
  const { data } = (await response.json()) as { data: Endpoint[] };
  return data.find((endpoint) => endpoint.endpoint_id === id)?.url;
}

/** The viewport at 1280 and 375 px wide, from the top of the form (or with the dialog open). */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('.kwe-form').evaluate((form) => form.scrollIntoView());
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const region = (page: Page) => page.getByRole('region', { name: 'URL check' });
const REGION = '[role="region"][aria-label="URL check"]';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a good receiver passes, each finding said in words, ${colorScheme}`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    const endpoint = await addEndpoint(page);
    await page.goto(`${server.base}/?endpoint_id=${endpoint.endpoint_id}`);
    const field = page.getByLabel('Endpoint URL');
    await field.fill(good.url);
    await expect(page.getByRole('combobox', { name: 'Test event' })).toHaveValue(
      'avatar_video.success',
    );
    const delivered = good.deliveries.length;

    await page.getByRole('button', { name: 'Check URL' }).click();
    await expect(region(page)).toContainText(`Passed: ${good.url} is ready for deliveries.`);
    await expect(region(page)).toContainText('TLS 1.3');
    await expect(region(page)).toContainText('The certificate is trusted and matches the host.');
    await expect(region(page)).toContainText(/It expires on .+, in (89|90) days\./);
    await expect(region(page)).toContainText(
      /Test delivery of avatar_video\.success: HTTP 200 in [\d,]+ ms\./,
    );
    await expect(region(page)).not.toContainText('Warning');
    expect(good.deliveries.slice(delivered)).toEqual([
      expect.objectContaining({ event_type: 'avatar_video.success', test: true }),
    ]);
    await expectNoAxeViolations(page, REGION);
    await shoot(page, testInfo, `url-check-passed-${colorScheme}`);

    // A URL that passed saves as it always did.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await listedUrl(page, endpoint.endpoint_id)).toBe(good.url);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a receiver that answers 500: the failure, then Save anyway with the keyboard, ${colorScheme}`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    const endpoint = await addEndpoint(page);
    await page.goto(`${server.base}/?endpoint_id=${endpoint.endpoint_id}`);
    const field = page.getByLabel('Endpoint URL');
    await field.fill(failing.url);
    // Field, Test event, Check URL.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Test event' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Check URL' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(region(page)).toContainText(/The check failed: .+\./);
    // Focus stayed on the button while it checked.
    await expect(page.getByRole('button', { name: 'Check URL' })).toBeFocused();
    await expect(region(page)).toContainText(/HTTP 500 in [\d,]+ ms/);
    await expect(region(page)).toContainText('The certificate is trusted and matches the host.');
    // The certificate expires within two days: a warning beside the failure.
    await expect(region(page)).toContainText(
      /Warning: the certificate expires (tomorrow|in 2 days)/,
    );
    await expectNoAxeViolations(page, REGION);
    await shoot(page, testInfo, `url-check-failed-${colorScheme}`);

    const save = page.getByRole('button', { name: 'Save changes' });
    await save.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save a URL that failed its check?' });
    await expect(dialog).toContainText(`The last check of ${failing.url} failed:`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // Modal: Tab stays inside the dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await expectNoAxeViolations(page, 'dialog');
    await shoot(page, testInfo, `url-check-dialog-${colorScheme}`);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(save).toBeFocused();
    expect(await listedUrl(page, endpoint.endpoint_id)).toBe(endpoint.url);

    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Save anyway' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    expect(await listedUrl(page, endpoint.endpoint_id)).toBe(failing.url);
    expect(failing.deliveries).toContainEqual(
      expect.objectContaining({ event_type: 'avatar_video.success', test: true }),
    );
  });
}

test('an expired certificate is named as what failed, and nothing is delivered to it', async ({
  page,
}) => {
  const endpoint = await addEndpoint(page);
  await page.goto(`${server.base}/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByLabel('Endpoint URL').fill(expired.url);
  await page.getByRole('button', { name: 'Check URL' }).click();
  await expect(region(page)).toContainText('The check failed: the certificate has expired.');
  await expect(region(page)).toContainText(/It expired on .+, (yesterday|today|\d+ days ago)\./);
  await expect(region(page)).toContainText('No test delivery was sent.');
  expect(expired.deliveries).toEqual([]);
});
