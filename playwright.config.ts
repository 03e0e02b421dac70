import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { e2ePort, portNotice } from './e2e/e2e-port';
import { E2E_API_KEY } from './e2e/settings';

const port = e2ePort(process.env);
// Said once, by the runner (workers load this file too), before the server takes the port.
if (process.env.TEST_WORKER_INDEX === undefined) console.log(portNotice(port));
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium where it is installed (CI images), Playwright's own elsewhere.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // e2e/*.test.ts are vitest's (the `tooling` project): plain functions the config uses.
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } },
    },
  ],
  // The real server, as `npm start` runs it after the build, on a data file of its own.
  webServer: {
    command: 'node dist/server/main.js',
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      // A folder of its own: the sessions and history files go beside the data file.
      KONPRO_DATA_FILE: join(mkdtempSync(join(tmpdir(), 'konpro-e2e-')), 'data.json'),
      KONPRO_API_KEY: E2E_API_KEY,
    },
  },
});
