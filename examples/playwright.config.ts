import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The portals' browser tests. `npm run test:examples` (scripts/test-examples.mjs) installs each
// portal from the packed package, starts it and the emulator, and passes their addresses in the
// environment; this config starts nothing itself.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: '*/portal.spec.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results/examples',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } } },
  ],
});
