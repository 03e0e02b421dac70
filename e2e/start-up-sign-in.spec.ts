// What `npm start` says about sign-in before it serves anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './server-process';
import { E2E_API_KEY } from './settings';
import { makeTestCertificates } from './sign-in/test-ca';
import { freePort } from './sign-in/sign-in-world';
import { CLIENT_ID, CLIENT_SECRET, startTestProvider } from './sign-in/test-provider';

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

test('a provider whose certificate the server does not trust: one line at start, the cause on the page', async ({
  page,
}) => {
  // The provider's certificate is signed by a throwaway CA this server is not told to trust
  // (no NODE_EXTRA_CA_CERTS), as with a company CA someone forgot to configure.
  const certificates = makeTestCertificates();
  const provider = await startTestProvider(certificates, await freePort(), ['http://127.0.0.1']);
  const server = await startServer({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    PUBLIC_URL: 'http://127.0.0.1',
    SESSION_SECRET: 'e2e-session-secret-0123456789abcdef0123456789',
    ADMIN_EMAILS: 'admin@example.com',
    KONPRO_API_KEY: E2E_API_KEY,
    KONPRO_DATA_FILE: join(mkdtempSync(join(tmpdir(), 'konpro-untrusted-')), 'data.json'),
  });
  try {
    const lines = server.output().trim().split('\n');
    const problems = lines.filter((line) => line.includes('sign-in provider'));
    expect(problems).toEqual([
      expect.stringContaining(
        `sign-in provider ${provider.issuer} cannot be used: its certificate is not trusted`,
      ),
    ]);
    expect(server.output()).not.toMatch(/^\s+at /m);
    // The address is still the last line: the server started.
    expect(lines.at(-1)).toContain(server.base);

    await page.goto(server.base);
    await expect(
      page.getByRole('heading', { name: "The sign-in provider's certificate is not trusted" }),
    ).toBeVisible();
    await expect(page.getByText('its certificate is not trusted by this server')).toBeVisible();
    await expect(page.getByText('did not answer')).toHaveCount(0);
  } finally {
    await stopServer(server);
    await provider.stop();
  }
});
