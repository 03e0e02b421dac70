// What `npm start` says about sign-in before it serves anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './server-process';
import { E2E_API_KEY } from './settings';

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
}

test('a non-loopback HOST without sign-in stops at start with one line saying how', () => {
  const run = start({ HOST: '0.0.0.0' });
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('cannot start: HOST 0.0.0.0 is reachable from other machines');
  expect(lines[0]).toContain('OIDC_ISSUER');
  expect(lines[0]).toContain('KONPRO_AUTH=none');
  expect(run.stdout).toBe('');
});

test('a public PUBLIC_URL or ALLOWED_HOSTS on loopback without sign-in stops with one line', () => {
  for (const [env, named] of [
    [{ PUBLIC_URL: 'https://hooks.example.org' }, 'PUBLIC_URL names hooks.example.org'],
    [{ ALLOWED_HOSTS: 'localhost,hooks.example.org' }, 'ALLOWED_HOSTS lists hooks.example.org'],
  ] as const) {
    const run = start({ HOST: '127.0.0.1', ...env });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cannot start: ${named}`);
    expect(lines[0]).toContain('KONPRO_AUTH=none');
    expect(run.stdout).toBe('');
  }
});

test('KONPRO_AUTH=none starts on any address, with a warning', async () => {
  const server = await startServer({
    HOST: '0.0.0.0',
    KONPRO_AUTH: 'none',
    KONPRO_API_KEY: E2E_API_KEY,
    KONPRO_DATA_FILE: join(mkdtempSync(join(tmpdir(), 'konpro-auth-none-')), 'data.json'),
  });
  try {
    await expect
      .poll(() => server.output())
      .toContain('KONPRO_AUTH=none: this server signs nobody in');
    expect(server.output()).toContain('no sign-in: KONPRO_AUTH=none');
  } finally {
    await stopServer(server);
  }
});
