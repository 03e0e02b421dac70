// The whole server in emulator mode with sign-in configured against a provider that is never
// called: its metadata is given, not discovered. Sessions are made as the callback would make
// them, and every log line is kept for the test to read.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as client from 'openid-client';
import { createApp } from '../app';
import { openFileStore } from '../store/file-store';
import { sealedCookie } from '../auth/session-cookie';
import { createLogger } from '../log/logger';
import { parseSettings } from '../settings';
import { tempDir } from './temp-dir';

export const ISSUER = 'https://login.example.com';
export const PUBLIC_URL = 'https://webhooks.example.com';
export const SECRET = 'test-session-secret-0123456789abcdef';

export const SIGN_IN_ENV = {
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'editor',
  OIDC_CLIENT_SECRET: 'client-secret',
  PUBLIC_URL,
  SESSION_SECRET: SECRET,
  ADMIN_EMAILS: 'ada@example.com, *@team.example.com',
  KONPRO_API_KEY: 'konpro-key-of-this-team-0123',
};

export async function signInApp(
  env: Record<string, string | undefined> = SIGN_IN_ENV,
  options: { discover?: () => Promise<client.Configuration> } = {},
) {
  const dir = await tempDir();
  const staticDir = join(dir, 'client');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Editor</title>');
  await writeFile(join(staticDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const present = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const parsed = parseSettings(
    { KONPRO_DATA_FILE: join(dir, 'data.json'), STATIC_DIR: staticDir, ...present },
    { cwd: dir },
  );
  if (!parsed.ok) throw new Error(parsed.error);

  let now = Date.now();
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const configuration = new client.Configuration(
    {
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/token`,
      end_session_endpoint: `${ISSUER}/logout`,
      jwks_uri: `${ISSUER}/jwks`,
    },
    'editor',
    'client-secret',
  );
  const editorStore = openFileStore({ folder: dir, now: () => now });
  const app = createApp(parsed.settings, {
    log: () => undefined,
    logger,
    editorStore,
    signIn: {
      now: () => now,
      discover: options.discover ?? (() => Promise.resolve(configuration)),
    },
  });
  const secret = parsed.settings.signIn?.sessionSecret ?? SECRET;
  const session = sealedCookie('session', secret, PUBLIC_URL.startsWith('https:'));

  return {
    app,
    lines,
    editorStore,
    /** The build's folder, for a test to add files to. */
    staticDir,
    /** A `cookie` header for a session made now, lasting `seconds`. */
    cookieFor: async (email: string, options: { verified?: boolean; seconds?: number } = {}) => {
      const seconds = options.seconds ?? 3600;
      const sid = await editorStore.sessions.create({
        sub: `sub-${email}`,
        email,
        email_verified: options.verified ?? true,
        expires_at: now + seconds * 1000,
      });
      return `${session.name}=${sid}`;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Headers a page of this origin sends with a JSON body. */
export function sameOrigin(cookie: string, json = true): Record<string, string> {
  return {
    cookie,
    origin: PUBLIC_URL,
    host: 'webhooks.example.com',
    'sec-fetch-site': 'same-origin',
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}
