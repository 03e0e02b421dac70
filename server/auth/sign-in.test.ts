import { describe, expect, it } from 'vitest';
import { matching } from '../test-support/matchers';
import { apiError } from '../test-support/emulator-harness';
import { ISSUER, PUBLIC_URL, SIGN_IN_ENV, signInApp } from '../test-support/sign-in-app';

const HOST = { host: 'webhooks.example.com' };
const LIST = '/api/v1/webhook/endpoint.list';

describe('sign-in', () => {
  it('sends a signed-out page to the provider with PKCE, state and nonce', async () => {
    const { app } = await signInApp();
    const response = await app.request('/?endpoint_id=ep_demo_video_status', { headers: HOST });
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.origin + target.pathname).toBe(`${ISSUER}/authorize`);
    const params = Object.fromEntries(target.searchParams);
    expect(params).toMatchObject({
      client_id: 'editor',
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: `${PUBLIC_URL}/auth/callback`,
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{40,}$/);
    expect(params.nonce).toMatch(/^[\w-]{40,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-kwe_sign_in=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    // What the cookie holds is encrypted: neither the verifier nor the address shows.
    expect(cookie).not.toContain('endpoint_id');
  });

  it('answers /api with 401 JSON when signed out, under the id of its log line', async () => {
    const { app, lines } = await signInApp();
    const response = await app.request(LIST, { headers: HOST });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { request_id: string };
    expect(body).toMatchObject(apiError('SIGN_IN_REQUIRED'));
    expect(response.headers.get('x-request-id')).toBe(body.request_id);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', status: 401, request_id: body.request_id }),
    );
  });

  it("leaves the emulator's /v1 routes to Konpro's key check, and the build's files public", async () => {
    const { app } = await signInApp();
    const emulated = await app.request('/v1/webhook/endpoint.list', { headers: HOST });
    expect(await emulated.json()).toMatchObject(apiError('MISSING_API_KEY'));
    expect((await app.request('/assets/app-1a2b.js', { headers: HOST })).status).toBe(200);
  });

  it('lets an admin in, by address or by domain', async () => {
    const { app, cookieFor } = await signInApp();
    for (const email of ['ada@example.com', 'lin@team.example.com']) {
      const cookie = await cookieFor(email);
      expect((await app.request(LIST, { headers: { ...HOST, cookie } })).status).toBe(200);
      expect((await app.request('/', { headers: { ...HOST, cookie } })).status).toBe(200);
    }
  });

  it('answers 403 to a signed-in outsider, as a page naming them and as JSON', async () => {
    const { app, cookieFor } = await signInApp();
    for (const cookie of [
      await cookieFor('eve@other.example'),
      await cookieFor('ada@example.com', { verified: false }),
    ]) {
      const api = await app.request(LIST, { headers: { ...HOST, cookie } });
      expect(api.status).toBe(403);
      expect(await api.json()).toMatchObject(apiError('NOT_AN_ADMIN'));
      const page = await app.request('/', { headers: { ...HOST, cookie } });
      expect(page.status).toBe(403);
      const html = await page.text();
      expect(html).toContain('You are not an admin of this editor');
      expect(html).toContain('action="/auth/logout"');
    }
  });

  it('escapes the name it shows', async () => {
    const { app, cookieFor } = await signInApp();
    const cookie = await cookieFor('<img src=x onerror=alert(1)>@evil.example');
    const html = await (await app.request('/', { headers: { ...HOST, cookie } })).text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('refuses a tampered or foreign cookie with 401, and an expired one as expired', async () => {
    const { app, cookieFor, advance } = await signInApp();
    const cookie = await cookieFor('ada@example.com', { seconds: 600 });
    const [name, value = ''] = cookie.split('=');
    const at = Math.floor(value.length / 2);
    const tampered = `${name}=${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
    const other = await signInApp({
      ...SIGN_IN_ENV,
      SESSION_SECRET: 'another-secret-of-at-least-32-characters',
    });
    const foreign = await other.cookieFor('ada@example.com');
    for (const bad of [tampered, foreign, `${name}=not-a-token`]) {
      const response = await app.request(LIST, { headers: { ...HOST, cookie: bad } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject(apiError('SIGN_IN_REQUIRED'));
    }
    // A page with a bad cookie drops it on its way to the provider.
    const page = await app.request('/', { headers: { ...HOST, cookie: tampered } });
    expect(page.status).toBe(302);
    expect(page.headers.getSetCookie().join('\n')).toMatch(/__Host-kwe_session=; Max-Age=0/);

    advance(601_000);
    const expired = await app.request(LIST, { headers: { ...HOST, cookie } });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject(apiError('SESSION_EXPIRED'));
  });

  it('says who is signed in', async () => {
    const { app, cookieFor } = await signInApp();
    const cookie = await cookieFor('lin@team.example.com');
    const response = await app.request('/auth/session', { headers: { ...HOST, cookie } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      auth: 'oidc',
      email: 'lin@team.example.com',
      admitted: true,
      expires_at: matching(/^\d{4}-/),
      check_allow_loopback: false,
    });
    expect((await app.request('/auth/session', { headers: HOST })).status).toBe(401);
  });

  it('signs out with a same-origin form only, then at the provider', async () => {
    const { app, cookieFor } = await signInApp();
    const cookie = await cookieFor('ada@example.com');
    const form = { ...HOST, cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const forged = await app.request('/auth/logout', {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(forged.status).toBe(403);

    const response = await app.request('/auth/logout', {
      method: 'POST',
      headers: { ...form, origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(303);
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.origin + target.pathname).toBe(`${ISSUER}/logout`);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(
      `${PUBLIC_URL}/auth/signed-out`,
    );
    expect(response.headers.getSetCookie().join('\n')).toMatch(/__Host-kwe_session=; Max-Age=0/);
  });

  it('ends the session on the server: a copy of the cookie taken before sign-out opens nothing', async () => {
    const { app, cookieFor } = await signInApp();
    const cookie = await cookieFor('ada@example.com');
    const copy = cookie;
    expect((await app.request(LIST, { headers: { ...HOST, cookie: copy } })).status).toBe(200);
    const form = { ...HOST, cookie, 'content-type': 'application/x-www-form-urlencoded' };
    await app.request('/auth/logout', {
      method: 'POST',
      headers: { ...form, origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    const after = await app.request(LIST, { headers: { ...HOST, cookie: copy } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject(apiError('SIGN_IN_REQUIRED'));
    const page = await app.request('/', { headers: { ...HOST, cookie: copy } });
    expect(page.status).toBe(302);
  });

  it('lets the sign-out form lead on to the provider (CSP form-action)', async () => {
    const { app, cookieFor } = await signInApp();
    const page = await app.request('/', {
      headers: { ...HOST, cookie: await cookieFor('ada@example.com') },
    });
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${ISSUER}`);
  });

  it('refuses a callback it did not start', async () => {
    const { app } = await signInApp();
    const response = await app.request('/auth/callback?code=abc&state=forged', { headers: HOST });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This sign-in has expired');
  });

  it('says when the provider cannot be reached, and asks it again next time', async () => {
    let calls = 0;
    const { app } = await signInApp(SIGN_IN_ENV, {
      discover: () => {
        calls += 1;
        return Promise.reject(new Error('connect ECONNREFUSED'));
      },
    });
    const first = await app.request('/', { headers: HOST });
    expect(first.status).toBe(502);
    expect(await first.text()).toContain('The sign-in provider could not be reached');
    expect((await app.request('/', { headers: HOST })).status).toBe(502);
    expect(calls).toBe(2);
  });

  it("says on the page, in words, that the provider's certificate is not trusted", async () => {
    const untrusted = new TypeError('fetch failed', {
      cause: Object.assign(new Error('self-signed certificate'), {
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      }),
    });
    const { app, lines } = await signInApp(SIGN_IN_ENV, {
      discover: () => Promise.reject(untrusted),
    });
    const page = await app.request('/', { headers: HOST });
    expect(page.status).toBe(502);
    const html = await page.text();
    expect(html).toContain('The sign-in provider&#39;s certificate is not trusted');
    expect(html).toContain(
      `Signing in with ${ISSUER} failed: its certificate is not trusted by this server`,
    );
    expect(html).not.toContain('did not answer');
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'sign-in provider unreachable',
        problem: expect.stringContaining('not trusted') as unknown,
      }),
    );
  });
});
