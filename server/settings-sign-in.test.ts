import { describe, expect, it } from 'vitest';
import { parseSettings, type Settings } from './settings';
import { isLoopback, parseAdminEmails } from './settings-sign-in';

const context = { cwd: '/srv/editor', defaultStaticDir: '/srv/editor/dist/client' };

const OIDC = {
  OIDC_ISSUER: 'https://login.example.com/realms/staff/',
  OIDC_CLIENT_ID: 'webhook-editor',
  OIDC_CLIENT_SECRET: 'client-secret-value',
  PUBLIC_URL: 'https://Webhooks.Example.com/',
  SESSION_SECRET: 'a'.repeat(32),
  ADMIN_EMAILS: ' Ada@Example.com , *@Team.Example.com ',
  KONPRO_API_KEY: 'konpro-key-of-this-team-0123',
};
/** Behind an authenticating proxy, with a key of its own. */
const PROXY = { KONPRO_AUTH: 'none', KONPRO_API_KEY: OIDC.KONPRO_API_KEY };

function settingsOf(env: Record<string, string>): Settings {
  const result = parseSettings(env, context);
  if (!result.ok) throw new Error(result.error);
  return result.settings;
}

function errorOf(env: Record<string, string>): string {
  const result = parseSettings(env, context);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.error;
}

describe('sign-in settings', () => {
  it('reads the provider, the public address, the secret and the admins', () => {
    const settings = settingsOf({ ...OIDC, HOST: '0.0.0.0' });
    expect(settings.signIn).toEqual({
      issuer: 'https://login.example.com/realms/staff',
      clientId: 'webhook-editor',
      clientSecret: 'client-secret-value',
      publicUrl: 'https://webhooks.example.com',
      sessionSecret: 'a'.repeat(32),
      adminEmails: ['ada@example.com', '*@team.example.com'],
      sessionMaxAgeSeconds: 8 * 3600,
    });
    expect(settings.proxyAuth).toBe(false);
    expect(settingsOf({ ...OIDC, SESSION_MAX_AGE: '3600' }).signIn?.sessionMaxAgeSeconds).toBe(
      3600,
    );
  });

  it("answers PUBLIC_URL's host by default, and only what ALLOWED_HOSTS lists when set", () => {
    const names = (env: Record<string, string>) =>
      settingsOf(env).allowedHosts.map((rule) => `${rule.name}:${rule.port ?? '*'}`);
    expect(names(OIDC)).toEqual([
      'localhost:*',
      '127.0.0.1:*',
      '[::1]:*',
      'webhooks.example.com:*',
    ]);
    expect(names({ ...OIDC, ALLOWED_HOSTS: 'editor.internal' })).toEqual(['editor.internal:*']);
    // Behind an authenticating proxy PUBLIC_URL still names the address admins open.
    expect(names({ ...PROXY, PUBLIC_URL: 'https://hooks.example.org' })).toContain(
      'hooks.example.org:*',
    );
  });

  it('has no sign-in by default, and listens on loopback addresses only without it', () => {
    expect(settingsOf({}).signIn).toBeUndefined();
    for (const HOST of ['127.0.0.1', '127.0.0.53', '::1', 'localhost', '::ffff:127.0.0.1']) {
      expect(settingsOf({ HOST }).host).toBe(HOST);
    }
    for (const HOST of ['0.0.0.0', '::', '10.0.0.5', 'editor.internal']) {
      const error = errorOf({ HOST });
      expect(error).toContain(`HOST ${HOST} is reachable from other machines`);
      expect(error).toContain('OIDC_ISSUER');
      expect(error).toContain('KONPRO_AUTH=none');
      expect(error).not.toContain('\n');
    }
  });

  it('stops when PUBLIC_URL or ALLOWED_HOSTS names a public host and nobody signs in', () => {
    for (const [env, named] of [
      [{ PUBLIC_URL: 'https://hooks.example.org' }, 'PUBLIC_URL names hooks.example.org'],
      [{ PUBLIC_URL: 'http://10.0.0.5:4173' }, 'PUBLIC_URL names 10.0.0.5'],
      [
        { ALLOWED_HOSTS: 'localhost, editor.example.com:443' },
        'ALLOWED_HOSTS lists editor.example.com',
      ],
      [{ ALLOWED_HOSTS: '[::1],[2001:db8::1]' }, 'ALLOWED_HOSTS lists [2001:db8::1]'],
      [
        { PUBLIC_URL: 'http://127.0.0.1:4173', ALLOWED_HOSTS: 'localhost,0.0.0.0' },
        'ALLOWED_HOSTS lists 0.0.0.0',
      ],
    ] as const) {
      const error = errorOf(env);
      expect(error).toContain(named);
      expect(error).toContain('nobody signs in');
      expect(error).toContain('KONPRO_AUTH=none');
      expect(error).not.toContain('\n');
      // Either way of deciding who gets in lifts the refusal.
      expect(settingsOf({ ...env, ...PROXY }).proxyAuth).toBe(true);
      expect(settingsOf({ ...OIDC, ...env }).signIn).toBeDefined();
    }
    for (const env of [
      { PUBLIC_URL: 'http://localhost:4173' } as Record<string, string>,
      { PUBLIC_URL: 'http://[::1]:4173' },
      { ALLOWED_HOSTS: 'localhost:4173, 127.0.0.1, [::1]' },
    ]) {
      expect(settingsOf(env).signIn).toBeUndefined();
    }
  });

  it('lets KONPRO_AUTH=none declare a proxy in front, on any address', () => {
    const settings = settingsOf({ HOST: '0.0.0.0', ...PROXY });
    expect(settings.proxyAuth).toBe(true);
    expect(settings.signIn).toBeUndefined();
  });

  it.each([
    [{ OIDC_ISSUER: 'http://login.example.com' }, 'OIDC_ISSUER must be an https URL'],
    [{ OIDC_ISSUER: 'https://login.example.com/?x=1' }, 'OIDC_ISSUER must not contain a query'],
    [
      { OIDC_ISSUER: undefined },
      'OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, SESSION_SECRET, ADMIN_EMAILS set without OIDC_ISSUER',
    ],
    [{ OIDC_CLIENT_ID: undefined }, 'OIDC_CLIENT_ID must be set with OIDC_ISSUER'],
    [
      { PUBLIC_URL: undefined, ADMIN_EMAILS: undefined },
      'PUBLIC_URL, ADMIN_EMAILS must be set with OIDC_ISSUER',
    ],
    [{ PUBLIC_URL: 'https://hooks.example.com/editor' }, 'PUBLIC_URL must be an origin'],
    [{ PUBLIC_URL: 'ftp://hooks.example.com' }, 'PUBLIC_URL must be the address admins open'],
    [{ SESSION_SECRET: 'too short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ SESSION_MAX_AGE: '30' }, 'SESSION_MAX_AGE must be a whole number of seconds from 60'],
    [{ ADMIN_EMAILS: 'ada@example.com, bob' }, 'ADMIN_EMAILS has "bob"'],
    [{ ADMIN_EMAILS: '*@*.example.com' }, 'ADMIN_EMAILS has "*@*.example.com"'],
    [{ ADMIN_EMAILS: ' , ' }, 'ADMIN_EMAILS must list at least one'],
    [{ ...PROXY }, 'KONPRO_AUTH=none turns sign-in off, yet OIDC_ISSUER is set'],
    [{ KONPRO_AUTH: 'off' }, 'KONPRO_AUTH can only be none'],
  ])('refuses %j', (change, message) => {
    const env = Object.fromEntries(
      Object.entries({ ...OIDC, ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    expect(errorOf(env)).toContain(message);
  });

  it('never echoes a secret it refuses', () => {
    const error = errorOf({ ...OIDC, SESSION_SECRET: 'hunter2-short', OIDC_CLIENT_SECRET: '' });
    expect(error).toContain('SESSION_SECRET');
    expect(error).not.toContain('hunter2');
  });
});

describe('ADMIN_EMAILS', () => {
  it('lower-cases addresses and domain entries and skips empty ones', () => {
    expect(parseAdminEmails('A@B.io,, *@Corp.Example ')).toEqual(['a@b.io', '*@corp.example']);
  });

  it.each(['a@b', '@example.com', '*@', 'a b@example.com', '*.example.com', 'a@@example.com'])(
    'refuses %j',
    (entry) => {
      expect(parseAdminEmails(entry)).toEqual(expect.stringContaining('neither'));
    },
  );
});

describe('isLoopback', () => {
  it('knows the loopback addresses and nothing else', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'LOCALHOST'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '128.0.0.1', '10.0.0.1', 'localhost.evil.com'].some(isLoopback)).toBe(
      false,
    );
  });
});
