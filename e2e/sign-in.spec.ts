// Sign-in against a real OpenID provider running locally over https: who gets in, who does not,
// and what happens when a session is forged, expires or ends.
import { type Page, expect, test } from '@playwright/test';
import { expectNoAxeViolations as expectNoViolations } from './axe';
import { E2E_API_KEY } from './settings';
import {
  auditLines,
  logLines,
  EXPIRED_SESSION_ID,
  sessionCookieName,
  signInAtProvider,
  startSignInWorld,
  type SignInWorld,
} from './sign-in/sign-in-world';

const LIST = '/api/v1/webhook/endpoint.list';

// One provider and one server for the whole file, signed in afresh in each test's own browser
// context; the tests run in order in one worker so they share them.
test.describe.configure({ mode: 'default' });
test.use({ ignoreHTTPSErrors: true }); // the provider's certificate comes from a throwaway CA

let world: SignInWorld;
test.beforeAll(async () => {
  world = await startSignInWorld();
});
test.afterAll(async () => {
  await world.stop();
});

test('signed out, /api answers 401 JSON and a page goes to the provider', async ({ page }) => {
  const answer = await page.request.get(`${world.base}${LIST}`);
  expect(answer.status()).toBe(401);
  expect(await answer.json()).toMatchObject({ error: { code: 'SIGN_IN_REQUIRED' } });

  await page.goto(world.base);
  await expect(page).toHaveURL((url) => url.href.startsWith(`${world.provider.issuer}/`));
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('cancelling at the provider says so and offers to sign in again', async ({ page }) => {
  await page.goto(`${world.base}/?endpoint_id=ep_demo_all_events`);
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(
    page.getByRole('heading', { name: 'The provider did not sign you in' }),
  ).toBeVisible();
  await expect(page.getByText('End-User aborted interaction')).toBeVisible();
  expect((await page.request.get(`${world.base}${LIST}`)).status()).toBe(401);
  // Trying again still leads where the admin was going.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await signInAtProvider(page, world, 'admin@example.com');
  await expect(page).toHaveURL(`${world.base}/?endpoint_id=ep_demo_all_events`);
});

test('an admin on the list signs in and lands on the list', async ({ page }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'admin@example.com');
  await expect(page).toHaveURL(`${world.base}/`);
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();
  await expectNoViolations(page);
  const answer = await page.request.get(`${world.base}${LIST}`);
  expect(answer.status()).toBe(200);
});

test('an outsider gets a 403 page that names them, and /api says 403', async ({ page }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'outsider@other.example');
  await expect(
    page.getByRole('heading', { name: 'You are not an admin of this editor' }),
  ).toBeVisible();
  await expect(page.getByText('You are signed in as outsider@other.example')).toBeVisible();
  await expectNoViolations(page);
  const answer = await page.request.get(`${world.base}${LIST}`);
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ error: { code: 'NOT_AN_ADMIN' } });
});

test('a whole admitted domain gets in (*@team.example)', async ({ page }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'dev@team.example');
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await expect(page.getByText('Signed in as dev@team.example')).toBeVisible();
});

test('a listed address the provider has not verified is not admitted', async ({ page }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'claimed@example.com');
  await expect(
    page.getByRole('heading', { name: 'You are not an admin of this editor' }),
  ).toBeVisible();
  await expect(page.getByText('has not confirmed that this address is yours')).toBeVisible();
  expect((await page.request.get(`${world.base}${LIST}`)).status()).toBe(403);
});

test('a deep link survives the trip through sign-in', async ({ page }) => {
  await page.goto(`${world.base}/?endpoint_id=ep_demo_video_status`);
  await signInAtProvider(page, world, 'admin@example.com');
  await expect(page).toHaveURL(`${world.base}/?endpoint_id=ep_demo_video_status`);
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://example.com/webhooks/konpro');
});

test('a tampered session cookie is refused: 401 on /api, and pages sign in again', async ({
  page,
  context,
}) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'admin@example.com');
  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name === sessionCookieName(world));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  if (!cookie) throw new Error('no session cookie');
  const middle = Math.floor(cookie.value.length / 2);
  const flipped = cookie.value[middle] === 'A' ? 'B' : 'A';
  const tampered = cookie.value.slice(0, middle) + flipped + cookie.value.slice(middle + 1);
  await context.addCookies([{ ...cookie, value: tampered }]);

  const answer = await page.request.get(`${world.base}${LIST}`);
  expect(answer.status()).toBe(401);
  expect(await answer.json()).toMatchObject({ error: { code: 'SIGN_IN_REQUIRED' } });

  // The provider still knows the admin, so the trip there and back needs no typing.
  const visited: string[] = [];
  page.on('request', (request) => visited.push(request.url()));
  await page.goto(world.base);
  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();
  expect(visited.some((url) => url.startsWith(world.provider.issuer))).toBe(true);
  const renewed = (await context.cookies()).find((c) => c.name === sessionCookieName(world));
  expect(renewed?.value).not.toBe(tampered);
});

test('an expired session asks to sign in again and keeps the draft; the audit names who', async ({
  page,
  context,
}) => {
  const endpointId = 'ep_demo_translations';
  await page.goto(`${world.base}/?endpoint_id=${endpointId}`);
  await signInAtProvider(page, world, 'admin@example.com');
  const url = page.getByLabel('Endpoint URL');
  await url.fill('https://after-sign-in.example.com/hook');

  // The session the server holds for this admin that expired two hours ago (sign-in-world.ts).
  await context.addCookies([
    { name: sessionCookieName(world), value: EXPIRED_SESSION_ID, url: world.base },
  ]);
  await page.getByRole('button', { name: 'Save changes' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'Your sign-in has expired' });
  await expect(banner.first()).toBeVisible();
  await expect(page.getByText('Signed in as')).toBeHidden();
  await expectNoViolations(page);
  const failure = page.getByRole('alert').filter({ hasText: 'Not saved' });
  const requestId = (await failure.locator('code').textContent()) ?? '';
  expect(requestId).toMatch(/^req_[0-9a-f]{16}$/);

  // The draft waits in this tab's storage: signing in again does not ask "leave this page?"
  // (a dismissed prompt would keep the page here, and the next line would fail).
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL(`${world.base}/?endpoint_id=${endpointId}`);
  expect(prompts).toEqual([]);
  await expect(url).toHaveValue('https://after-sign-in.example.com/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // The id the banner showed leads to the server's line for the refused call (the save stopped
  // at its first step, reading the endpoint as the server holds it, so nothing was written).
  expect(logLines(world)).toContainEqual(
    expect.objectContaining({ msg: 'request', status: 401, request_id: requestId }),
  );
  const audit = auditLines(world).filter((line) => line.endpoint_id === endpointId);
  expect(audit).toContainEqual(
    expect.objectContaining({
      audit: true,
      action: 'endpoint.update',
      actor: 'admin@example.com',
      changed: ['url'],
      status: 200,
      request_id: expect.stringMatching(/^req_/),
    }),
  );
  expect(world.editor.output()).not.toContain(E2E_API_KEY);
  expect(world.editor.output()).not.toContain('whsec_');
});

test('signing out ends the session here and at the provider', async ({ page, browser }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'admin@example.com');
  // A copy of the cookie, taken before sign-out, in another browser.
  const [cookie] = (await page.context().cookies()).filter(
    (c) => c.name === sessionCookieName(world),
  );
  if (!cookie) throw new Error('no session cookie after sign-in');
  const thief = await browser.newContext();
  await thief.addCookies([cookie]);
  expect((await thief.request.get(`${world.base}${LIST}`)).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider's own page asks to confirm.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${world.base}/auth/signed-out`);
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await expectNoViolations(page);
  expect((await page.request.get(`${world.base}${LIST}`)).status()).toBe(401);
  // The session ended on the server: the copy opens nothing either.
  expect((await thief.request.get(`${world.base}${LIST}`)).status()).toBe(401);
  await thief.close();

  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('at 375 px the cards keep off the screen edges and the title comes before who is signed in', async ({
  browser,
}) => {
  const phone = { viewport: { width: 375, height: 700 }, ignoreHTTPSErrors: true };
  const apart = async (page: Page) => {
    const card = await page.getByRole('main').boundingBox();
    expect(card?.x).toBeGreaterThanOrEqual(12);
    expect((card?.x ?? 0) + (card?.width ?? 0)).toBeLessThanOrEqual(375 - 12);
  };
  const outsider = await browser.newContext(phone);
  const notAdmin = await outsider.newPage();
  await notAdmin.goto(world.base);
  await signInAtProvider(notAdmin, world, 'outsider@other.example');
  await expect(
    notAdmin.getByRole('heading', { name: 'You are not an admin of this editor' }),
  ).toBeVisible();
  await apart(notAdmin);
  await notAdmin.goto(`${world.base}/auth/signed-out`);
  await expect(notAdmin.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await apart(notAdmin);
  await outsider.close();

  const admin = await browser.newContext(phone);
  const page = await admin.newPage();
  await page.goto(world.base);
  await signInAtProvider(page, world, 'admin@example.com');
  const title = await page.getByRole('banner').getByText('webhook endpoints').boundingBox();
  const account = await page.getByText('Signed in as admin@example.com').boundingBox();
  expect(account?.y).toBeGreaterThanOrEqual((title?.y ?? 0) + (title?.height ?? 0));
  await admin.close();
});
