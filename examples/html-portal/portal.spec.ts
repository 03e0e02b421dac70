// The plain-HTML portal with a Hono backend, installed from the packed package: its page loads
// `konpro-webhook-editor/element` from its own server, and its backend mounts the package's handler.
import { PORTAL_USER, expect, portalTest, signIn } from '../portal-fixtures';

const { test, portalLog, expiredToken } = portalTest('html-portal');

test('a portal user edits an endpoint, and the change reaches Konpro through the portal', async ({
  page,
  endpoint,
  emulator,
}) => {
  await signIn(page);
  const editor = page.locator('konpro-webhook-editor');
  await editor.getByRole('link', { name: endpoint.url }).click();
  const url = 'https://html-portal-saved.example.com/hooks';
  await editor.getByLabel('Endpoint URL').fill(url);
  // A closed group's events are found by searching, as a user would.
  const search = editor.getByRole('searchbox', { name: 'Search events' });
  await search.fill('video_translate.success');
  await editor.getByRole('checkbox', { name: 'video_translate.success', exact: true }).check();
  await search.clear();
  await editor.getByRole('checkbox', { name: 'avatar_video.fail', exact: true }).uncheck();
  await editor.getByRole('button', { name: 'Save changes' }).click();

  await expect(editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.locator('#portal-notice')).toHaveText(`Webhook now points at ${url}`);
  expect(await emulator.endpoint(endpoint.endpoint_id)).toMatchObject({
    url,
    events: ['avatar_video.success', 'video_translate.success'],
  });
  // authorize named the portal's user, and onAudit heard it.
  await expect.poll(portalLog).toContain(`"actor":"${PORTAL_USER}"`);
});

test('the handler refuses a call without a live token the portal minted, or from another site', async ({
  page,
  request,
}) => {
  const anonymous = await request.get('/portal-api/v1/webhook/endpoint.list');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });

  await signIn(page);
  // The portal's session cookie alone is not enough: the handler asks for the token.
  const withSessionOnly = await page.request.get('/portal-api/v1/webhook/endpoint.list');
  expect(withSessionOnly.status()).toBe(401);

  const expired = await page.request.get('/portal-api/v1/webhook/endpoint.list', {
    headers: { authorization: `Bearer ${expiredToken()}` },
  });
  expect(expired.status()).toBe(401);

  // A live token sent from another site's page is refused as well.
  const { token } = (await (await page.request.post('/portal/editor-token')).json()) as {
    token: string;
  };
  const crossSite = await page.request.get('/portal-api/v1/webhook/endpoint.list', {
    headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' },
  });
  expect(crossSite.status()).toBe(403);
  const sameSite = await page.request.get('/portal-api/v1/webhook/endpoint.list', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(sameSite.status()).toBe(200);
});

test('a token that expired on its way is replaced: the editor asks getHeaders again and saves', async ({
  page,
  endpoint,
  emulator,
}) => {
  await signIn(page);
  const editor = page.locator('konpro-webhook-editor');
  await editor.getByRole('link', { name: endpoint.url }).click();
  const url = 'https://html-portal-retried.example.com/hooks';
  await editor.getByLabel('Endpoint URL').fill(url);

  // The save's token expires before the portal's handler reads it, as one does on a slow network
  // or after the laptop slept: the handler answers 401.
  await page.route(
    '**/portal-api/v1/webhook/endpoint.update',
    (route) =>
      route.continue({
        headers: { ...route.request().headers(), authorization: `Bearer ${expiredToken()}` },
      }),
    { times: 1 },
  );
  const seen: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/endpoint.update')) seen.push(`update ${response.status()}`);
    if (response.url().endsWith('/portal/editor-token')) seen.push('token');
  });
  await editor.getByRole('button', { name: 'Save changes' }).click();

  await expect(editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  // One 401, then getHeaders once more (a new token from the portal) and the same call again.
  expect(seen.filter((event) => event.startsWith('update'))).toEqual(['update 401', 'update 200']);
  const retry = seen.slice(seen.indexOf('update 401') + 1, seen.indexOf('update 200'));
  expect(retry).toContain('token');
  expect(await emulator.endpoint(endpoint.endpoint_id)).toMatchObject({ url });
});
