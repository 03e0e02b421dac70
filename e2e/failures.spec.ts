// Each way a save can fail, injected on the wire: the admin reads what happened, keeps every
// typed value, and never sees "Saved".
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

const UPDATE = '**/api/v1/webhook/endpoint.update';
const TYPED_URL = 'https://typed-before-failure.example.com/hook';

const konproError = (status: number, code: string, headers: Record<string, string> = {}) => ({
  status,
  contentType: 'application/json',
  headers: { 'x-request-id': `req_e2e_${status}`, ...headers },
  body: JSON.stringify({
    error: { code, message: `Injected ${code}` },
    request_id: `req_e2e_${status}`,
  }),
});

const cases: { name: string; reply: Parameters<Route['fulfill']>[0]; says: RegExp }[] = [
  { name: '400', reply: konproError(400, 'VALIDATION_ERROR'), says: /refused the change/ },
  { name: '401', reply: konproError(401, 'INVALID_API_KEY'), says: /API key was refused/ },
  { name: '403', reply: konproError(403, 'INSUFFICIENT_PERMISSIONS'), says: /not allowed/ },
  { name: '404', reply: konproError(404, 'RESOURCE_NOT_FOUND'), says: /no longer exists/ },
  { name: '409', reply: konproError(409, 'CONFLICT'), says: /at the same time/ },
  { name: '413', reply: konproError(413, 'PAYLOAD_TOO_LARGE'), says: /too large/ },
  {
    name: '422',
    reply: {
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ detail: [{ loc: ['body', 'endpoint_id'], msg: 'field required' }] }),
    },
    says: /refused the change/,
  },
  {
    name: '429',
    reply: konproError(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '120' }),
    says: /You can save again at/,
  },
  { name: '500', reply: konproError(500, 'PROCESSING_ERROR'), says: /Konpro failed/ },
  { name: '502', reply: konproError(502, 'UPSTREAM_UNREACHABLE'), says: /could not reach Konpro/ },
  { name: '503', reply: konproError(503, 'SERVICE_UNAVAILABLE'), says: /unavailable/ },
  { name: '504', reply: konproError(504, 'UPSTREAM_TIMEOUT'), says: /did not answer in time/ },
  {
    name: 'a body that is not JSON',
    reply: { status: 502, contentType: 'text/html', body: '<html><h1>Bad Gateway</h1></html>' },
    says: /proxy on the way to Konpro failed.*may or may not have been applied/,
  },
  {
    name: 'a 200 that fails the schema',
    reply: { status: 200, contentType: 'application/json', body: '{"ok":true}' },
    says: /could not be read/,
  },
];

async function editAndSave(page: Page) {
  await page.getByLabel('Endpoint URL').fill(TYPED_URL);
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
}

async function expectKeptAndNotSaved(page: Page) {
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(TYPED_URL);
  await expect(
    page.getByRole('checkbox', { name: 'personalized_video', exact: true }),
  ).toBeChecked();
  await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'What the server saved' })).toHaveCount(0);
}

for (const { name, reply, says } of cases) {
  test(`a save answered with ${name} explains itself and keeps the edit`, async ({
    page,
    endpoint,
  }) => {
    await page.route(UPDATE, (route) => route.fulfill(reply));
    await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
    await editAndSave(page);
    await expect(page.getByRole('alert')).toContainText(says);
    await expectKeptAndNotSaved(page);
  });
}

test('a save while offline says so and keeps the edit', async ({ page, context, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await expect(page.getByLabel('Endpoint URL')).toBeVisible();
  await context.setOffline(true);
  await editAndSave(page);
  await expect(page.getByRole('alert')).toContainText('You are offline');
  await expectKeptAndNotSaved(page);
  await context.setOffline(false);
});

test('a save that times out is abandoned with advice to check', async ({ page, endpoint }) => {
  await page.clock.install();
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const patchSent = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(UPDATE, async (route) => {
    arrived();
    await held;
    await route.abort().catch(() => undefined);
  });
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await editAndSave(page);
  await expect(page.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  // A save reads the endpoint before it writes: the clock moves once the write is on its way,
  // so it is the write that times out, not that read.
  await patchSent;
  await page.clock.fastForward(16_000);
  await expect(page.getByRole('alert')).toContainText('did not answer within 15 seconds');
  await expect(page.getByRole('alert')).toContainText('reload this endpoint to check');
  await expectKeptAndNotSaved(page);
  release();
});

test('a field error from the server lands on its field', async ({ page, endpoint }) => {
  await page.route(UPDATE, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'VALIDATION_ERROR',
          message: 'The request body is invalid',
          details: { field: 'url', reason: 'URL must support SSL level 2 or higher' },
        },
        request_id: 'req_field',
      }),
    }),
  );
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await editAndSave(page);
  const url = page.getByLabel('Endpoint URL');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('SSL level 2');
  await expect(url).toBeFocused();
  await expectKeptAndNotSaved(page);
});
