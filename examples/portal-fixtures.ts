// What both portals' tests share: the portal and its emulator, as the runner started them, a
// fresh endpoint per test, and signing in to the portal as a portal user would.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Page, test as base, expect } from '@playwright/test';

/** The emulator's published dev key: the "Konpro key" the example portals hold. */
const DEV_KEY = 'konpro_dev_key_local';
export const PORTAL_USER = 'ada@example.com';

export interface Endpoint {
  endpoint_id: string;
  url: string;
  events: string[];
}

interface Emulator {
  /** The endpoint as Konpro (the emulator) now holds it. */
  endpoint(id: string): Promise<Endpoint | undefined>;
}

interface PortalFixtures {
  emulator: Emulator;
  endpoint: Endpoint;
}

let counter = 0;

/** The tests of one portal: `name` is its folder in examples/, e.g. `react-portal`. */
export function portalTest(name: string) {
  const variable = name.toUpperCase().replaceAll('-', '_');
  const setting = (suffix: string) => {
    const value = process.env[`${variable}_${suffix}`];
    if (!value) throw new Error(`${variable}_${suffix} is unset: run npm run test:examples`);
    return value;
  };
  const portalUrl = setting('URL');
  const emulatorUrl = setting('EMULATOR_URL');
  const logFile = setting('LOG');
  const tokenSecret = setting('TOKEN_SECRET');

  const test = base.extend<PortalFixtures>({
    baseURL: portalUrl,
    emulator: async ({ playwright }, use) => {
      const konpro = await playwright.request.newContext({
        baseURL: emulatorUrl,
        extraHTTPHeaders: { 'x-api-key': DEV_KEY },
      });
      await use({
        endpoint: async (id) => {
          const answer = await konpro.get('/v1/webhook/endpoint.list');
          expect(answer.status()).toBe(200);
          const { data } = (await answer.json()) as { data: Endpoint[] };
          return data.find((endpoint) => endpoint.endpoint_id === id);
        },
      });
      await konpro.dispose();
    },
    endpoint: async ({ playwright }, use, testInfo) => {
      counter += 1;
      const konpro = await playwright.request.newContext({
        baseURL: emulatorUrl,
        extraHTTPHeaders: { 'x-api-key': DEV_KEY },
      });
      const answer = await konpro.post('/v1/webhook/endpoint.add', {
        data: {
          url: `https://${name}-${testInfo.workerIndex}-${counter}.example.com/hooks`,
          events: ['avatar_video.success', 'avatar_video.fail'],
        },
      });
      expect(answer.status()).toBe(200);
      const added = (await answer.json()) as Endpoint;
      await konpro.dispose();
      await use(added);
    },
  });
  /** The portal backend's output so far: its audit lines among them. */
  const portalLog = () => readFileSync(logFile, 'utf8');
  /**
   * A token the portal itself minted for its user a while ago, now expired: made with the
   * portal's secret, in the portal's format (editor-tokens.mjs).
   */
  const expiredToken = () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const payload = Buffer.from(JSON.stringify({ sub: PORTAL_USER, exp })).toString('base64url');
    return `${payload}.${createHmac('sha256', tokenSecret).update(payload).digest('base64url')}`;
  };
  return { test, portalLog, expiredToken };
}

/** Signs in to the portal with its own sign-in form, and waits for its webhooks page. */
export async function signIn(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(PORTAL_USER);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
}

export { expect };
