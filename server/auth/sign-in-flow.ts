// What the /auth routes and the gate share: the cookies, the provider, the clock, and the two
// ways a request leaves for sign-in (to the provider, or to a page saying why it cannot).
import type { Context } from 'hono';
import { errorResponse } from '../http/error-response';
import type { Logger } from '../log/logger';
import type { SignInSettings } from '../settings';
import { signInFailedPage } from './auth-pages';
import { describeProviderProblem } from './provider-problem';
import { createOidcClient, type Discover, type OidcClient } from './oidc-client';
import type { SessionStore } from '../store/store';
import { pendingSignIns, readSession, type SessionCookies, sessionCookies } from './sessions';

export interface SignInDeps {
  logger: Logger;
  /** Where sessions live: the cookie carries only a session's id. */
  sessions: SessionStore;
  /** The clock sessions expire by, in ms. */
  now?: () => number;
  /** Replaces discovery from OIDC_ISSUER (tests configure a provider without the network). */
  discover?: Discover;
}

export const NO_STORE = { 'cache-control': 'no-store' };

export type SignInFlow = ReturnType<typeof createSignInFlow>;

export function createSignInFlow(settings: SignInSettings, deps: SignInDeps) {
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  const cookies: SessionCookies = sessionCookies(settings);
  const oidc: OidcClient = createOidcClient(settings, deps.discover);

  /** A page saying why sign-in stopped; `returnTo` keeps trying again on the way it was. */
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
      const problem = describeProviderProblem(error);
      logger.warn({
        msg: 'sign-in provider unreachable',
        problem: problem.cause,
        error: describeError(error),
      });
      const then = problem.passing ? 'Try again in a moment; if it keeps failing, ask' : 'Ask';
      return failed(
        c,
        502,
        problem.title,
        `Signing in with ${settings.issuer} failed: ${problem.cause}. ${then} whoever runs this editor to ${problem.fix}.`,
        returnTo,
      );
    }
    await pendingSignIns.add(c, cookies, { ...started.pending, returnTo }, now());
    c.header('cache-control', 'no-store');
    return c.redirect(started.url.href, 302);
  };

  return {
    settings,
    logger,
    now,
    cookies,
    oidc,
    failed,
    begin,
    sessions: deps.sessions,
    session: (c: Context) => readSession(c, cookies, deps.sessions, now()),
  };
}

/** `/api`'s answer to a request without a valid session. */
export function signedOut(reason: 'missing' | 'invalid' | 'expired'): Response {
  return reason === 'expired'
    ? errorResponse(401, 'SESSION_EXPIRED', 'Your sign-in has expired: sign in again')
    : errorResponse(401, 'SIGN_IN_REQUIRED', 'Sign in to use this editor');
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
