import { describe, expect, it } from 'vitest';
import { DEV_API_KEY, parseSettings, type Settings } from './settings';

const context = { cwd: '/srv/editor', defaultStaticDir: '/srv/editor/dist/client' };

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

describe('parseSettings', () => {
  it('gives emulator mode with the dev key and documented defaults when nothing is set', () => {
    const settings = settingsOf({});
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 4173,
      apiBase: undefined,
      apiKey: DEV_API_KEY,
      upstreamTimeoutMs: 10000,
      frameAncestors: "'self'",
      staticDir: '/srv/editor/dist/client',
      emulator: {
        dataFile: '/srv/editor/.data/konpro-emulator.json',
        rateLimitPerMinute: 300,
        checkUrls: false,
      },
      checkAllowLoopback: false,
    });
    expect([...settings.emulator.users]).toEqual([[DEV_API_KEY, 'demo']]);
  });

  it('reads every setting', () => {
    const settings = settingsOf({
      HOST: '0.0.0.0',
      KONPRO_AUTH: 'none',
      PORT: '0',
      KONPRO_API_BASE: 'https://api.konpro.ai/',
      KONPRO_API_KEY: 'live_key_0123456789',
      KONPRO_DATA_FILE: 'data/x.json',
      KONPRO_EMULATOR_KEYS: ' k2=other , k3=third ',
      KONPRO_EMULATOR_RATE_LIMIT: '5',
      KONPRO_EMULATOR_CHECK_URLS: '1',
      KONPRO_UPSTREAM_TIMEOUT_MS: '2500',
      FRAME_ANCESTORS: "'self' https://portal.example.com",
      STATIC_DIR: '/var/www/client',
    });
    expect(settings).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      apiBase: 'https://api.konpro.ai',
      apiKey: 'live_key_0123456789',
      upstreamTimeoutMs: 2500,
      frameAncestors: "'self' https://portal.example.com",
      staticDir: '/var/www/client',
      emulator: { dataFile: '/srv/editor/data/x.json', rateLimitPerMinute: 5, checkUrls: true },
    });
    expect(Object.fromEntries(settings.emulator.users)).toEqual({
      live_key_0123456789: 'demo',
      k2: 'other',
      k3: 'third',
    });
  });

  it('answers loopback names and the HOST name unless ALLOWED_HOSTS replaces them', () => {
    const names = (env: Record<string, string>) =>
      settingsOf(env).allowedHosts.map((rule) => `${rule.name}:${rule.port ?? '*'}`);
    expect(names({})).toEqual(['localhost:*', '127.0.0.1:*', '[::1]:*']);
    expect(
      names({
        HOST: 'editor.internal',
        KONPRO_AUTH: 'none',
        KONPRO_API_KEY: 'konpro-key-of-this-team-0123',
      }),
    ).toEqual(['localhost:*', '127.0.0.1:*', '[::1]:*', 'editor.internal:*']);
    expect(
      names({ HOST: '::', KONPRO_AUTH: 'none', KONPRO_API_KEY: 'konpro-key-of-this-team-0123' }),
    ).toContain('[::]:*');
    const listed = 'Editor.Example.com, 10.0.0.5:8443 ,[::1]:4173';
    expect(
      names({
        ALLOWED_HOSTS: listed,
        KONPRO_AUTH: 'none',
        KONPRO_API_KEY: 'konpro-key-of-this-team-0123',
      }),
    ).toEqual(['editor.example.com:*', '10.0.0.5:8443', '[::1]:4173']);
  });

  it('treats empty variables as unset', () => {
    expect(settingsOf({ PORT: '', KONPRO_API_BASE: '' })).toMatchObject({
      port: 4173,
      apiBase: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 0 to 65535 (got "65536")'],
    [{ PORT: '-1' }, 'PORT must be a whole number'],
    [{ KONPRO_API_BASE: 'ftp://x' }, 'KONPRO_API_BASE must be an http(s) URL'],
    [
      { KONPRO_API_BASE: 'api.konpro.ai', KONPRO_API_KEY: 'k' },
      'KONPRO_API_BASE must be an http(s) URL',
    ],
    [{ KONPRO_API_BASE: 'https://api.konpro.ai/v1', KONPRO_API_KEY: 'k' }, 'must not end in /v1'],
    [
      { KONPRO_API_BASE: 'https://api.konpro.ai' },
      'KONPRO_API_KEY is required when KONPRO_API_BASE is set',
    ],
    [
      { KONPRO_API_KEY: 'has space in the key' },
      'KONPRO_API_KEY must be printable characters without spaces',
    ],
    [{ KONPRO_API_KEY: 'x' }, 'KONPRO_API_KEY must be at least 16 characters'],
    [{ KONPRO_UPSTREAM_TIMEOUT_MS: '15000' }, "below the page's own 15 s timeout"],
    [{ KONPRO_UPSTREAM_TIMEOUT_MS: '0' }, 'from 1 to 14999'],
    [{ ALLOWED_HOSTS: 'editor.example.com,evil/path' }, 'ALLOWED_HOSTS has "evil/path"'],
    [{ ALLOWED_HOSTS: ' , ' }, 'ALLOWED_HOSTS must list at least one host name'],
    [{ ALLOWED_HOSTS: 'editor.example.com:99999' }, 'ALLOWED_HOSTS has'],
    [{ KONPRO_EMULATOR_KEYS: 'nokey' }, 'KONPRO_EMULATOR_KEYS pair 1 must look like key=username'],
    [{ KONPRO_EMULATOR_KEYS: 'a=ok,b=bad name' }, 'KONPRO_EMULATOR_KEYS pair 2 needs a username'],
    [{ KONPRO_EMULATOR_KEYS: '=other' }, 'KONPRO_EMULATOR_KEYS pair 1 needs a key'],
    [{ KONPRO_EMULATOR_KEYS: `${DEV_API_KEY}=other` }, 'repeats a key that is already in use'],
    [{ KONPRO_EMULATOR_KEYS: 'a=x,a=y' }, 'pair 2 repeats a key'],
    [
      { KONPRO_EMULATOR_RATE_LIMIT: '0' },
      'KONPRO_EMULATOR_RATE_LIMIT must be a whole number from 1',
    ],
    [{ KONPRO_EMULATOR_RATE_LIMIT: '2.5' }, 'KONPRO_EMULATOR_RATE_LIMIT must be a whole number'],
    [{ KONPRO_EMULATOR_CHECK_URLS: 'yes' }, 'KONPRO_EMULATOR_CHECK_URLS must be 1 (on) or 0 (off)'],
    [
      { KONPRO_CHECK_ALLOW_LOOPBACK: 'true' },
      'KONPRO_CHECK_ALLOW_LOOPBACK must be 1 (on) or 0 (off)',
    ],
    [{ KONPRO_UPSTREAM_TIMEOUT_MS: 'soon' }, 'KONPRO_UPSTREAM_TIMEOUT_MS must be a whole number'],
    [{ FRAME_ANCESTORS: "'self'; script-src *" }, 'FRAME_ANCESTORS must be CSP sources'],
    [{ FRAME_ANCESTORS: "'self'\nX-Evil: 1" }, 'FRAME_ANCESTORS must be CSP sources'],
    [{ FRAME_ANCESTORS: "'self', https://a.example" }, 'FRAME_ANCESTORS must be CSP sources'],
  ])('refuses %j', (env, message) => {
    expect(errorOf(env)).toContain(message);
  });

  it('admits loopback receivers with KONPRO_CHECK_ALLOW_LOOPBACK=1 while only this machine reaches the server', () => {
    const loopbackOnly: Record<string, string>[] = [
      {},
      { HOST: 'localhost' },
      { HOST: '::1' },
      { PUBLIC_URL: 'http://127.0.0.1:4173' },
      { ALLOWED_HOSTS: 'localhost,127.0.0.1:4173' },
    ];
    for (const env of loopbackOnly) {
      const settings = settingsOf({ ...env, KONPRO_CHECK_ALLOW_LOOPBACK: '1' });
      expect(settings.checkAllowLoopback, JSON.stringify(env)).toBe(true);
    }
    expect(settingsOf({ KONPRO_CHECK_ALLOW_LOOPBACK: '0' }).checkAllowLoopback).toBe(false);
  });

  it.each([
    [
      { HOST: '0.0.0.0', KONPRO_AUTH: 'none', KONPRO_API_KEY: 'own-key-0123456789' },
      'HOST is 0.0.0.0',
    ],
    [
      { HOST: '10.1.2.3', KONPRO_AUTH: 'none', KONPRO_API_KEY: 'own-key-0123456789' },
      'HOST is 10.1.2.3',
    ],
    [
      {
        KONPRO_AUTH: 'none',
        KONPRO_API_KEY: 'own-key-0123456789',
        PUBLIC_URL: 'https://hooks.example.com',
      },
      'PUBLIC_URL names hooks.example.com',
    ],
    [
      {
        KONPRO_AUTH: 'none',
        KONPRO_API_KEY: 'own-key-0123456789',
        ALLOWED_HOSTS: 'editor.example.com',
      },
      'ALLOWED_HOSTS lists editor.example.com',
    ],
  ])('refuses KONPRO_CHECK_ALLOW_LOOPBACK=1 with %j, in one line naming both', (env, reached) => {
    // Each of these starts without the setting.
    expect(settingsOf(env).checkAllowLoopback).toBe(false);
    const error = errorOf({ ...env, KONPRO_CHECK_ALLOW_LOOPBACK: '1' });
    expect(error).toContain('KONPRO_CHECK_ALLOW_LOOPBACK=1');
    expect(error).toContain(reached);
    expect(error).not.toContain('\n');
  });

  it('names every bad setting on one line and never echoes a key', () => {
    const error = errorOf({
      PORT: 'x',
      KONPRO_API_KEY: 'secret value here',
      FRAME_ANCESTORS: 'a\nb',
    });
    expect(error).toMatch(/^PORT .*; KONPRO_API_KEY .*; FRAME_ANCESTORS /);
    expect(error).not.toContain('\n');
    expect(error).not.toContain('secret value here');
    expect(errorOf({ KONPRO_EMULATOR_KEYS: 'hidden_key=bad name' })).not.toContain('hidden_key');
  });

  it('refuses a user name or password in KONPRO_API_BASE without echoing it', () => {
    for (const base of [
      'https://ops:hunter2pass@api.konpro.ai',
      'https://hunter2pass@api.konpro.ai',
      'http://ops:hunter2pass@127.0.0.1:9000',
      'https://ops:hunter2pass@api.konpro.ai/v1',
      'https:/ops:hunter2pass@api.konpro.ai',
    ]) {
      const error = errorOf({ KONPRO_API_BASE: base, KONPRO_API_KEY: 'konpro-key-0123456789' });
      expect(error, base).toContain('KONPRO_API_BASE must not contain a user name or password');
      expect(error, base).not.toContain('hunter2pass');
    }
    // An @ in the path is no user name.
    expect(
      settingsOf({
        KONPRO_API_BASE: 'https://api.konpro.ai/@team',
        KONPRO_API_KEY: 'konpro-key-0123456789',
      }).apiBase,
    ).toBe('https://api.konpro.ai/@team');
  });

  it("refuses the emulator's published dev key whenever admins sign in", () => {
    const SIGN_IN = {
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'editor',
      OIDC_CLIENT_SECRET: 'client-secret',
      PUBLIC_URL: 'https://hooks.example.com',
      SESSION_SECRET: 'a'.repeat(32),
      ADMIN_EMAILS: 'ada@example.com',
    };
    const refused: Record<string, string>[] = [
      SIGN_IN,
      { ...SIGN_IN, KONPRO_API_KEY: DEV_API_KEY },
      { KONPRO_AUTH: 'none' },
      { KONPRO_AUTH: 'none', KONPRO_API_KEY: DEV_API_KEY },
    ];
    for (const env of refused) {
      expect(errorOf(env)).toContain('KONPRO_API_KEY must be set to a key of your own');
    }
    // A key of the team's own, or an upstream of its own, and no sign-in on loopback, all start.
    expect(settingsOf({ ...SIGN_IN, KONPRO_API_KEY: 'konpro-key-0123456789' }).apiKey).toBe(
      'konpro-key-0123456789',
    );
    expect(settingsOf({}).apiKey).toBe(DEV_API_KEY);
  });
});
