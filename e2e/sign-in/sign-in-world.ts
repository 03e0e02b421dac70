// Everything a sign-in test needs, started once per worker: a throwaway CA, the local OpenID
// provider over https, and the built server configured to sign admins in through it.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { allowTime } from '../time-budget';
import { startServer, stopServer, type Server } from '../server-process';
import { E2E_API_KEY } from '../settings';
import { makeTestCertificates } from './test-ca';
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from './test-provider';

export const SESSION_SECRET = 'e2e-session-secret-0123456789abcdef0123456789';
export const ADMIN_EMAILS = 'admin@example.com, claimed@example.com, *@team.example';

export interface SignInWorld {
  provider: TestProvider;
  editor: Server;
  /** PUBLIC_URL of the editor. */
  base: string;
  stop(): Promise<void>;
}

/** A port nobody holds right now, so PUBLIC_URL and the provider's redirect URI can name it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A session of admin@example.com that ended two hours ago, left in the store as the server leaves
 * one for a day: its cookie (the id) is what a browser that slept through the expiry still sends.
 */
export const EXPIRED_SESSION_ID = 'expired-session-of-the-e2e-admin-0123456789';

function seedExpiredSession(folder: string) {
  const hash = createHash('sha256').update(EXPIRED_SESSION_ID).digest('hex');
  const session = {
    sub: 'admin@example.com',
    email: 'admin@example.com',
    email_verified: true,
    expires_at: Date.now() - 2 * 3600_000,
  };
  writeFileSync(join(folder, 'sessions.json'), JSON.stringify({ [hash]: session }), {
    mode: 0o600,
  });
}

/** A CA and keys from openssl, a 2048-bit signing key, and two servers started, when busy. */
const WORLD_MS = 30_000;

export async function startSignInWorld(env: Record<string, string> = {}): Promise<SignInWorld> {
  allowTime(WORLD_MS);
  const certificates = makeTestCertificates();
  const [providerPort, editorPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${editorPort}`;
  const provider = await startTestProvider(certificates, providerPort, [base]);
  const dataFolder = mkdtempSync(join(tmpdir(), 'konpro-sign-in-'));
  seedExpiredSession(dataFolder);
  const editor = await startServer({
    PORT: String(editorPort),
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    PUBLIC_URL: base,
    SESSION_SECRET,
    ADMIN_EMAILS,
    NODE_EXTRA_CA_CERTS: certificates.caFile,
    KONPRO_API_KEY: E2E_API_KEY,
    KONPRO_DATA_FILE: join(dataFolder, 'data.json'),
    ...env,
  });
  return {
    provider,
    editor,
    base,
    stop: async () => {
      await stopServer(editor);
      await provider.stop();
    },
  };
}

/** What one sign-in may take on a loaded machine: two redirects, the form and a token exchange. */
const SIGN_IN_MS = 20_000;

/** Fills in the provider's own login form (it takes any password) and waits to be back. */
export async function signInAtProvider(page: Page, world: SignInWorld, login: string) {
  allowTime(SIGN_IN_MS);
  await page.waitForURL((url) => url.href.startsWith(world.provider.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => url.href.startsWith(world.base));
}

/** The session cookie's name, as the server names it for this world's address. */
export function sessionCookieName(world: SignInWorld): string {
  return world.base.startsWith('https:') ? '__Host-kwe_session' : 'kwe_session';
}

/** The JSON log lines the server printed so far. */
export function logLines(world: SignInWorld): Record<string, unknown>[] {
  return world.editor
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The audit lines among them. */
export function auditLines(world: SignInWorld): Record<string, unknown>[] {
  return logLines(world).filter((line) => line.audit === true);
}
