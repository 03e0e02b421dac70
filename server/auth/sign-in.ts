// Sign-in with the company's OpenID Connect provider, as two pieces app.ts wires in: the /auth
// routes (login, callback, logout, who is signed in) and the gate every other request passes.
// Signed out, a page goes to the provider and comes back to the same address; /api answers 401
// JSON. Signed in but not in ADMIN_EMAILS: 403, page and /api alike. The emulator's /v1 routes
// keep Konpro's key check instead, and the build's scripts and the portal module are public code.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import * as client from 'openid-client';
import { errorResponse } from '../http/error-response';
import type { Logger } from '../log/logger';
import type { Settings } from '../settings';
import { notAdminPage, PAGE_CSS, signedOutPage, signInFailedPage } from './auth-pages';
import { isAdmin } from './admin-allowlist';
import { createOidcClient, type Discover } from './oidc-client';
import { pendingSignIns, readSession, type SessionCookies, sessionCookies } from './sessions';
import { safeReturnTo } from './return-to';

export interface SignInDeps {
  logger: Logger;
  /** The clock sessions expire by, in ms. */
  now?: () => number;
  /** Replaces discovery from OIDC_ISSUER (tests configure a provider without the network). */
  discover?: Discover;
}

export interface SignInLayer {
  /** Mounted at /auth. */
  routes: Hono;
  /** Placed before everything it guards; absent without sign-in. */
  gate: MiddlewareHandler | undefined;
}

const PUBLIC_PATHS = /^\/(v1|embed|assets)(\/|$)|^\/robots\.txt$/;
const API_PATH = /^\/api(\/|$)/;
const NO_STORE = { 'cache-control': 'no-store' };

export function createSignIn(settings: Settings, deps: SignInDeps): SignInLayer {
  const routes = new Hono();
  const signIn = settings.signIn;
  if (!signIn) {
    // The page asks who is signed in; here nobody is, by design.
    routes.get('/session', (c) =>
      c.json({ auth: settings.proxyAuth ? 'proxy' : 'off' }, 200, NO_STORE),
    );
    routes.all('*', (c) => c.text('Not found', 404));
    return { routes, gate: undefined };
  }

  const { logger } = deps;
  const now = deps.now ?? Date.now;
  const cookies: SessionCookies = sessionCookies(signIn);
  const oidc = createOidcClient(signIn, deps.discover);
  const issuerOrigin = new URL(signIn.issuer).origin;

  /** `returnTo`: where the failed sign-in was headed, so trying again still gets there. */
  const failed = (c: Context, status: 400 | 502, title: string, detail: string, returnTo = '/') => {
    const retry = `/auth/login?return_to=${encodeURIComponent(returnTo)}`;
    return c.html(signInFailedPage(title, detail, c.var.requestId, retry), status, NO_STORE);
  };

  /** Sends the browser to the provider, remembering where it was going. */
  const begin = async (c: Context, returnTo: string) => {
    let started;
    try {
      started = await oidc.start();
    } catch (error) {
      logger.warn({ msg: 'sign-in provider unreachable', error: describe(error) });
      return failed(
        c,
        502,
        'The sign-in provider could not be reached',
        `${signIn.issuer} did not answer. Try again in a moment; if it keeps failing, ask whoever runs this editor to check OIDC_ISSUER.`,
        returnTo,
      );
    }
    await pendingSignIns.add(c, cookies, { ...started.pending, returnTo }, now());
    c.header('cache-control', 'no-store');
    return c.redirect(started.url.href, 302);
  };

  routes.get('/login', async (c) => {
    const returnTo = safeReturnTo(c.req.query('return_to'));
    const current = await readSession(c, cookies, now());
    return current.ok ? c.redirect(returnTo, 303) : begin(c, returnTo);
  });

  routes.get('/callback', async (c) => {
    const search = new URL(c.req.url).search;
    const state = new URLSearchParams(search).get('state') ?? '';
    const pending = await pendingSignIns.take(c, cookies, state, now());
    if (!pending) {
      return failed(
        c,
        400,
        'This sign-in has expired',
        'It took longer than ten minutes, was already used, or was started in another browser.',
      );
    }
    let identity;
    try {
      // The provider redirected to PUBLIC_URL, whatever address this server sees behind a proxy.
      identity = await oidc.finish(new URL(`${signIn.publicUrl}/auth/callback${search}`), pending);
    } catch (error) {
      logger.warn({ msg: 'sign-in failed', error: describe(error) });
      if (error instanceof client.AuthorizationResponseError) {
        return failed(
          c,
          400,
          'The provider did not sign you in',
          error.error_description ?? `It answered ${error.error}.`,
          pending.returnTo,
        );
      }
      return failed(
        c,
        502,
        'The sign-in could not be completed',
        'The provider could not be reached, or its answer could not be trusted. Try again; if it keeps failing, give the request id below to whoever runs this editor.',
        pending.returnTo,
      );
    }
    await cookies.session.write(
      c,
      {
        sub: identity.sub,
        email: identity.email,
        email_verified: identity.emailVerified,
        ...(identity.name === undefined ? {} : { name: identity.name }),
        ...(identity.idToken === undefined ? {} : { id_token: identity.idToken }),
      },
      signIn.sessionMaxAgeSeconds,
      now(),
    );
    c.set('actor', identity.email || identity.sub);
    logger.info({
      msg: 'signed in',
      actor: identity.email || identity.sub,
      admitted: isAdmin(signIn.adminEmails, identity.email, identity.emailVerified),
    });
    return c.redirect(pending.returnTo, 303);
  });

  // A form posts here (no script needed); a page elsewhere must not sign the admin out.
  routes.post('/logout', csrf({ origin: new URL(signIn.publicUrl).origin }), async (c) => {
    const current = await readSession(c, cookies, now());
    cookies.session.clear(c);
    if (current.ok) c.set('actor', current.session.email || current.session.sub);
    let target = '/auth/signed-out';
    try {
      const idToken = current.ok ? current.session.id_token : undefined;
      const url = await oidc.endSessionUrl(idToken, `${signIn.publicUrl}/auth/signed-out`);
      // The page's policy lets a form lead to this origin and the provider's own (form-action).
      if (url?.origin === issuerOrigin) target = url.href;
    } catch (error) {
      logger.warn({ msg: 'provider sign-out skipped', error: describe(error) });
    }
    return c.redirect(target, 303);
  });

  routes.get('/signed-out', (c) => c.html(signedOutPage(), 200, NO_STORE));
  routes.get('/page.css', (c) =>
    c.body(PAGE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  routes.get('/session', async (c) => {
    const current = await readSession(c, cookies, now());
    if (!current.ok) return signedOut(current.reason);
    const { email, email_verified, name } = current.session;
    return c.json(
      {
        auth: 'oidc',
        email,
        name: name ?? null,
        admitted: isAdmin(signIn.adminEmails, email, email_verified),
        expires_at: new Date(current.expiresAt).toISOString(),
      },
      200,
      NO_STORE,
    );
  });
  routes.all('*', (c) => c.text('Not found', 404));

  const gate: MiddlewareHandler = async (c, next) => {
    if (PUBLIC_PATHS.test(c.req.path)) return next();
    const api = API_PATH.test(c.req.path);
    const current = await readSession(c, cookies, now());
    if (current.ok) {
      const { email, email_verified } = current.session;
      c.set('actor', email || current.session.sub);
      if (isAdmin(signIn.adminEmails, email, email_verified)) return next();
      if (api) {
        return errorResponse(403, 'NOT_AN_ADMIN', `${email} is not an admin of this editor`);
      }
      return c.html(notAdminPage(email, email_verified), 403, NO_STORE);
    }
    if (api) return signedOut(current.reason);
    // A cookie that does not open is dropped on the way to the provider.
    if (current.reason === 'invalid') cookies.session.clear(c);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const url = new URL(c.req.url);
      return begin(c, safeReturnTo(url.pathname + url.search));
    }
    return c.text('Sign in first: open this page in a browser', 401);
  };

  return { routes, gate };
}

function signedOut(reason: 'missing' | 'invalid' | 'expired'): Response {
  return reason === 'expired'
    ? errorResponse(401, 'SESSION_EXPIRED', 'Your sign-in has expired: sign in again')
    : errorResponse(401, 'SIGN_IN_REQUIRED', 'Sign in to use this editor');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
