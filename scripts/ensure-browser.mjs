// Makes sure the browser tests have a Chromium to drive, on a laptop or a fresh server alike:
// $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download, in that order. The
// sign-in tests also need openssl (their provider's throwaway CA): installed from apt if missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function hasBrowser() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return true;
    console.error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    process.exit(1);
  }
  return existsSync(SYSTEM_CHROMIUM) || existsSync(chromium.executablePath());
}

function hasOpenssl() {
  try {
    execSync('openssl version', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';

if (!hasOpenssl()) {
  if (!canApt) {
    console.error('The sign-in tests need openssl on the PATH: install it, then run again.');
    process.exit(1);
  }
  console.log('No openssl found: installing it for the sign-in tests.');
  run(`${sudo}apt-get update -qq`);
  run(`${sudo}apt-get install -y -qq openssl`);
}

if (!hasBrowser()) {
  if (canApt) {
    console.log("No Chromium found: installing Debian's chromium package for the browser tests.");
    run(`${sudo}apt-get update -qq`);
    run(`${sudo}apt-get install -y -qq chromium`);
  } else {
    console.log("No Chromium found: downloading Playwright's.");
    run('npx playwright install chromium');
  }
}
