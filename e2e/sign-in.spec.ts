// Sign-in against a real OpenID provider running locally over https: who gets in, who does not,
// and what happens when a session is forged, expires or ends.
import { expect, test } from '@playwright/test';
import { signInAtProvider, startSignInWorld, type SignInWorld } from './sign-in/sign-in-world';

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

test('an admin on the list signs in and lands on the list', async ({ page }) => {
  await page.goto(world.base);
  await signInAtProvider(page, world, 'admin@example.com');
  await expect(page).toHaveURL(`${world.base}/`);
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
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
  const answer = await page.request.get(`${world.base}${LIST}`);
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ error: { code: 'NOT_AN_ADMIN' } });
});
