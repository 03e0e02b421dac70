// The /auth routes: login, the provider's callback, logout, the signed-out page, and who is
// signed in (for the page's top bar).
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import * as client from 'openid-client';
import { PAGE_CSS, signedOutPage } from './auth-pages';
import { isAdmin } from './admin-allowlist';
import { endSession, pendingSignIns, writeSession } from './sessions';
import { safeReturnTo } from './return-to';
import { describeError, NO_STORE, type SignInFlow, signedOut } from './sign-in-flow';

export interface AuthRoutesOptions {
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1, told to the page with who is signed in: its URL rule follows. */
  checkAllowLoopback: boolean;
}

export function authRoutes(flow: SignInFlow, options: AuthRoutesOptions): Hono {
  const { settings, logger, cookies, oidc, failed, now } = flow;
  const routes = new Hono();

  routes.get('/login', async (c) => {
    const returnTo = safeReturnTo(c.req.query('return_to'));
    const current = await flow.session(c);
    return current.ok ? c.redirect(returnTo, 303) : flow.begin(c, returnTo);
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
      identity = await oidc.finish(
        new URL(`${settings.publicUrl}/auth/callback${search}`),
        pending,
      );
    } catch (error) {
      logger.warn({ msg: 'sign-in failed', error: describeError(error) });
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
    const written = await writeSession(
      c,
      cookies,
      flow.sessions,
      identity,
      settings.sessionMaxAgeSeconds,
      now(),
    );
    if (!written) {
      logger.warn({ msg: 'sign-in refused: the subject or email claim is too long' });
      return failed(
        c,
        502,
        'The sign-in could not be completed',
        'The provider sent an account name or email address longer than this editor accepts.',
        pending.returnTo,
      );
    }
    c.set('actor', identity.email || identity.sub);
    logger.info({
      msg: 'signed in',
      actor: identity.email || identity.sub,
      admitted: isAdmin(settings.adminEmails, identity.email, identity.emailVerified),
    });
    return c.redirect(pending.returnTo, 303);
  });

  // A form posts here (no script needed); a page elsewhere must not sign the admin out.
  const issuerOrigin = new URL(settings.issuer).origin;
  routes.post('/logout', csrf({ origin: new URL(settings.publicUrl).origin }), async (c) => {
    const current = await flow.session(c);
    await endSession(c, cookies, flow.sessions);
    if (current.ok) c.set('actor', current.session.email || current.session.sub);
    let target = '/auth/signed-out';
    try {
      const idToken = current.ok ? current.session.id_token : undefined;
      const url = await oidc.endSessionUrl(idToken, `${settings.publicUrl}/auth/signed-out`);
      // The page's policy lets a form lead to this origin and the provider's own (form-action).
      if (url?.origin === issuerOrigin) target = url.href;
    } catch (error) {
      logger.warn({ msg: 'provider sign-out skipped', error: describeError(error) });
    }
    return c.redirect(target, 303);
  });

  routes.get('/signed-out', (c) => c.html(signedOutPage(), 200, NO_STORE));
  routes.get('/page.css', (c) =>
    c.body(PAGE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  routes.get('/session', async (c) => {
    const current = await flow.session(c);
    if (!current.ok) return signedOut(current.reason);
    const { email, email_verified, name } = current.session;
    return c.json(
      {
        auth: 'oidc',
        email,
        name: name ?? null,
        admitted: isAdmin(settings.adminEmails, email, email_verified),
        expires_at: new Date(current.expiresAt).toISOString(),
        check_allow_loopback: options.checkAllowLoopback,
      },
      200,
      NO_STORE,
    );
  });
  routes.all('*', (c) => c.text('Not found', 404));
  return routes;
}
