// The gate every request passes once sign-in is on. Signed out, a page goes to the provider and
// comes back to the same address, and /api answers 401 JSON. Signed in but not in ADMIN_EMAILS:
// 403, page and /api alike. /api asks through apiAccess, as the editor's API asks every backend
// who may act (server/forwarder/editor-api-routes.ts). The emulator's /v1 routes keep Konpro's key check instead, and the
// build's files (scripts, styles, the icon a browser asks for by itself, even on the signed-out
// page) and the portal module are public code: a missing one is a 404, never a trip to sign in.
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../http/error-response';
import { isPublicFile } from '../http/public-files';
import { notAdminPage } from './auth-pages';
import { isAdmin } from './admin-allowlist';
import { safeReturnTo } from './return-to';
import { NO_STORE, type SignInFlow, signedOut } from './sign-in-flow';

const PUBLIC_PATHS = /^\/(v1|embed)(\/|$)/;
const API_PATH = /^\/api(\/|$)/;
const READS = new Set(['GET', 'HEAD']);

export function adminGate(flow: SignInFlow): MiddlewareHandler {
  const { adminEmails } = flow.settings;
  return async (c, next) => {
    if (PUBLIC_PATHS.test(c.req.path)) return next();
    if (READS.has(c.req.method) && isPublicFile(c.req.path)) return next();
    if (API_PATH.test(c.req.path)) return next();
    const current = await flow.session(c);
    if (current.ok) {
      const { email, email_verified } = current.session;
      c.set('actor', email || current.session.sub);
      if (isAdmin(adminEmails, email, email_verified)) return next();
      return c.html(notAdminPage(email, email_verified), 403, NO_STORE);
    }
    // A cookie that does not open is dropped on the way to the provider.
    if (current.reason === 'invalid') flow.cookies.session.clear(c);
    if (READS.has(c.req.method)) {
      const url = new URL(c.req.url);
      return flow.begin(c, safeReturnTo(url.pathname + url.search));
    }
    return c.text('Sign in first: open this page in a browser', 401);
  };
}

/** Who may act through /api: the signed-in admin, named; anyone else gets the answer to send. */
export function apiAccess(flow: SignInFlow) {
  const { adminEmails } = flow.settings;
  return async (c: Context): Promise<{ actor: string } | Response> => {
    const current = await flow.session(c);
    if (!current.ok) return signedOut(current.reason);
    const { email, email_verified } = current.session;
    const actor = email || current.session.sub;
    // Named in the request's log line even when refused.
    c.set('actor', actor);
    if (!isAdmin(adminEmails, email, email_verified)) {
      return errorResponse(403, 'NOT_AN_ADMIN', `${email} is not an admin of this editor`);
    }
    return { actor };
  };
}
