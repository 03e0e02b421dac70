// Sign-in where the provider sends a large ID token (a member of many groups) and the admin
// started from a long deep link: both once made a cookie the browser dropped without a word.
import { expect, test } from '@playwright/test';
import {
  logLines,
  signInAtProvider,
  startSignInWorld,
  type SignInWorld,
} from './sign-in/sign-in-world';

test.use({ ignoreHTTPSErrors: true }); // the provider's certificate comes from a throwaway CA

let world: SignInWorld;
test.beforeAll(async () => {
  world = await startSignInWorld();
});
test.afterAll(async () => {
  await world.stop();
});

test('a 6 KB ID token and a 2 KB deep link sign in at the first pass', async ({ page }) => {
  const deepLink = `/?endpoint_id=ep_demo_all_events&from=${'p'.repeat(2048 - 38)}`;
  expect(deepLink).toHaveLength(2048);
  const toProvider: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${world.provider.issuer}/auth?`)) toProvider.push(request.url());
  });

  await page.goto(`${world.base}${deepLink}`);
  await signInAtProvider(page, world, 'groups@team.example');
  await expect(page).toHaveURL(`${world.base}${deepLink}`);
  await expect(page.getByText('Signed in as groups@team.example')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Endpoint URL' })).toBeVisible();
  expect(toProvider).toHaveLength(1);
  const cookies = await page.context().cookies(world.base);
  for (const cookie of cookies) expect(cookie.name.length + cookie.value.length).toBeLessThan(4096);
  expect((await page.request.get(`${world.base}/api/v1/webhook/endpoint.list`)).status()).toBe(200);
  expect(logLines(world)).toContainEqual(
    expect.objectContaining({ msg: 'signed in', actor: 'groups@team.example', admitted: true }),
  );
});
