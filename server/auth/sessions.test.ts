import { type Context, Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { COOKIE_BYTES } from './session-cookie';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../store/file-store';
import { endSession, pendingSignIns, readSession, sessionCookies, writeSession } from './sessions';

const SETTINGS = {
  issuer: 'https://login.example.com',
  clientId: 'editor',
  clientSecret: 'client-secret',
  publicUrl: 'https://webhooks.example.com',
  sessionSecret: 'test-session-secret-0123456789abcdef',
  adminEmails: ['ada@example.com'],
  sessionMaxAgeSeconds: 3600,
};
const cookies = sessionCookies(SETTINGS);
const NOW = Date.UTC(2026, 11, 7);

/** An ID token as a provider with many groups sends it: `bytes` long. */
function idToken(bytes: number) {
  return `eyJhbGciOiJSUzI1NiJ9.${'x'.repeat(bytes - 40)}.${'s'.repeat(18)}`;
}

/** Runs `act` in a request carrying `cookie`, and returns the cookies it set (name=value). */
async function inRequest(act: (c: Context) => Promise<Response>, cookie = '') {
  const app = new Hono().get('/', act);
  const response = await app.request('/', { headers: { cookie } });
  return {
    response,
    set: response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .filter((pair) => !pair.endsWith('=')),
  };
}

const identity = (token: string | undefined) => ({
  sub: 'sub-ada',
  email: 'ada@example.com',
  emailVerified: true,
  name: 'Ada',
  idToken: token,
});

describe('the session cookie', () => {
  const store = () =>
    openFileStore({ folder: mkdtempSync(join(tmpdir(), 'kwe-sessions-')), now: () => NOW });

  it('carries only an opaque id of at most 200 bytes, even for a 6 KB ID token', async () => {
    const sessions = store().sessions;
    const { set } = await inRequest(async (c) => {
      expect(await writeSession(c, cookies, sessions, identity(idToken(6144)), 3600, NOW)).toBe(
        true,
      );
      return c.text('ok');
    });
    const [pair = ''] = set;
    expect(pair.length).toBeLessThanOrEqual(200);
    expect(pair).not.toContain('ada');
    const read = await inRequest(
      async (c) => c.json(await readSession(c, cookies, sessions, NOW)),
      pair,
    );
    // The whole token is kept on the server, for the provider's sign-out.
    expect(await read.response.json()).toMatchObject({
      ok: true,
      session: { sub: 'sub-ada', email: 'ada@example.com', id_token: idToken(6144) },
    });
  });

  it('stops opening once the session is ended, whoever holds a copy of the cookie', async () => {
    const sessions = store().sessions;
    const { set } = await inRequest(async (c) => {
      await writeSession(c, cookies, sessions, identity(undefined), 3600, NOW);
      return c.text('ok');
    });
    const [pair = ''] = set;
    const copy = pair;
    await inRequest(async (c) => {
      await endSession(c, cookies, sessions);
      return c.text('ok');
    }, pair);
    const read = await inRequest(
      async (c) => c.json(await readSession(c, cookies, sessions, NOW)),
      copy,
    );
    expect(await read.response.json()).toEqual({ ok: false, reason: 'invalid' });
  });

  it('bounds the name and refuses an address no mailbox has', async () => {
    const sessions = store().sessions;
    await inRequest(async (c) => {
      const long = { ...identity(undefined), name: 'N'.repeat(5000) };
      expect(await writeSession(c, cookies, sessions, long, 3600, NOW)).toBe(true);
      const huge = { ...identity(undefined), email: `${'a'.repeat(4000)}@example.com` };
      expect(await writeSession(c, cookies, sessions, huge, 3600, NOW)).toBe(false);
      return c.text('ok');
    });
  });
});

describe('the pending sign-in cookie', () => {
  const flow = (state: string, returnTo: string) => ({
    state,
    nonce: 'n'.repeat(43),
    verifier: 'v'.repeat(43),
    returnTo,
  });
  const deepLink = `/?endpoint_id=ep_demo&q=${'a'.repeat(2048 - 24)}`;

  it('keeps a 2 KB deep link beside older sign-ins, which give way', async () => {
    let pair = '';
    for (const state of ['s1', 's2', 's3', 's4']) {
      ({
        set: [pair = ''],
      } = await inRequest(async (c) => {
        await pendingSignIns.add(c, cookies, flow(state, `/?endpoint_id=${state}`), NOW);
        return c.text('ok');
      }, pair));
    }
    expect(deepLink).toHaveLength(2048);
    ({
      set: [pair = ''],
    } = await inRequest(async (c) => {
      await pendingSignIns.add(c, cookies, flow('s5', deepLink), NOW);
      return c.text('ok');
    }, pair));
    expect(pair.length).toBeLessThanOrEqual(COOKIE_BYTES);
    const taken = await inRequest(
      async (c) => c.json(await pendingSignIns.take(c, cookies, 's5', NOW)),
      pair,
    );
    expect(await taken.response.json()).toMatchObject({ returnTo: deepLink });
  });

  it('returns to the list when an address of wide characters cannot fit', async () => {
    const wide = `/?q=${'ü'.repeat(2000)}`;
    const { set } = await inRequest(async (c) => {
      await pendingSignIns.add(c, cookies, flow('s1', wide), NOW);
      return c.text('ok');
    });
    const [pair = ''] = set;
    expect(new TextEncoder().encode(pair).length).toBeLessThanOrEqual(COOKIE_BYTES);
    const taken = await inRequest(
      async (c) => c.json(await pendingSignIns.take(c, cookies, 's1', NOW)),
      pair,
    );
    expect(await taken.response.json()).toMatchObject({ state: 's1', returnTo: '/' });
  });
});
