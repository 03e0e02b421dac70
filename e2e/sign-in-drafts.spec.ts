// Unsaved edits belong to the admin who typed them: signing out through the app asks first and
// drops them, and an admin who signs in on the same tab never sees another admin's draft. Against
// the real local OpenID provider, as e2e/sign-in.spec.ts.
import { expect, type Page, test } from '@playwright/test';
import {
  EXPIRED_SESSION_ID,
  sessionCookieName,
  signInAtProvider,
  startSignInWorld,
  type SignInWorld,
} from './sign-in/sign-in-world';

test.describe.configure({ mode: 'default' });
test.use({ ignoreHTTPSErrors: true }); // the provider's certificate comes from a throwaway CA

let world: SignInWorld;
test.beforeAll(async () => {
  world = await startSignInWorld();
});
test.afterAll(async () => {
  await world.stop();
});

/** Every dialog the browser itself shows (beforeunload's "Leave site?" among them), dismissed. */
function browserPrompts(page: Page): string[] {
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.dismiss();
  });
  return prompts;
}

/** What this tab holds in session storage, as one string to search. */
const tabStorage = (page: Page) =>
  page.evaluate(() =>
    Object.keys(sessionStorage)
      .map((key) => `${key}=${sessionStorage.getItem(key)}`)
      .join('\n'),
  );

async function expectServerValues(page: Page, serverUrl: string) {
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(serverUrl);
  await expect(page.getByText('Your unsaved changes from earlier were restored')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Restore unsaved changes' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
}

test("signing out asks in the app, drops the draft, and the next admin sees the server's URL", async ({
  page,
}) => {
  const endpointId = 'ep_demo_video_status';
  const serverUrl = 'https://example.com/webhooks/konpro';
  const typed = 'https://first-admin.example.com/private-hook';
  const prompts = browserPrompts(page);

  await page.goto(`${world.base}/?endpoint_id=${endpointId}`);
  await signInAtProvider(page, world, 'admin@example.com');
  await page.getByLabel('Endpoint URL').fill(typed);
  await expect.poll(() => tabStorage(page)).toContain(typed);

  // The app asks, with its own dialog; Escape keeps editing and gives focus back to Sign out.
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  await signOut.click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign out and discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stay and keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(signOut).toBeFocused();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(typed);
  expect(await tabStorage(page)).toContain(typed);

  // From the keyboard again, this time confirmed.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  expect(await tabStorage(page)).not.toContain(typed);
  // The icon the browser asks for on this page is served, not a trip to the provider.
  for (const icon of ['/favicon.svg', '/favicon.ico']) {
    const answer = await page.request.get(`${world.base}${icon}`, { maxRedirects: 0 });
    expect(answer.status(), icon).toBe(icon === '/favicon.svg' ? 200 : 404);
  }

  // Another admin on the same tab.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await signInAtProvider(page, world, 'dev@team.example');
  await expect(page.getByText('Signed in as dev@team.example')).toBeVisible();
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);
  await page.goto(`${world.base}/?endpoint_id=${endpointId}`);
  await expectServerValues(page, serverUrl);
  expect(await tabStorage(page)).not.toContain(typed);
  expect(prompts).toEqual([]);
});

test('a draft left by an expired session comes back to its admin, never to another', async ({
  page,
  context,
}) => {
  const endpointId = 'ep_demo_all_events';
  const serverUrl = 'https://hooks.example.org/konpro/all';
  const typed = 'https://expired-admin.example.com/hook';
  const prompts = browserPrompts(page);
  const expire = async () => {
    await context.addCookies([
      { name: sessionCookieName(world), value: EXPIRED_SESSION_ID, url: world.base },
    ]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Your sign-in has expired', { exact: true })).toBeVisible();
  };

  await page.goto(`${world.base}/?endpoint_id=${endpointId}`);
  await signInAtProvider(page, world, 'admin@example.com');
  await page.getByLabel('Endpoint URL').fill(typed);
  await expire();

  // The same admin again (the provider still knows them): the draft is theirs.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(typed);
  await expect(page.getByText('Your unsaved changes from earlier were restored')).toBeVisible();

  // Expired once more, and this time someone else signs in on the tab.
  await expire();
  await context.clearCookies(); // the provider forgets the first admin too
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await signInAtProvider(page, world, 'dev@team.example');
  await expect(page.getByText('Signed in as dev@team.example')).toBeVisible();
  await expectServerValues(page, serverUrl);
  expect(await tabStorage(page)).not.toContain(typed);
  await page.getByRole('link', { name: 'All endpoints' }).click();
  await expect(page.getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);
  expect(prompts).toEqual([]);
});
