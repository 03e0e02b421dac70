// The gate every request passes once sign-in is on. Signed out, a page goes to the provider and
// comes back to the same address, and /api answers 401 JSON. Signed in but not in ADMIN_EMAILS:
// 403, page and /api alike. The emulator's /v1 routes keep Konpro's key check instead, and the
// build's files (scripts, styles, the icon a browser asks for by itself, even on the signed-out
// page) and the portal module are public code: a missing one is a 404, never a trip to sign in.
import type { MiddlewareHandler } from 'hono';
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
    const api = API_PATH.test(c.req.path);
    const current = await flow.session(c);
    if (current.ok) {
      const { email, email_verified } = current.session;
      c.set('actor', email || current.session.sub);
      if (isAdmin(adminEmails, email, email_verified)) return next();
      if (api) {
        return errorResponse(403, 'NOT_AN_ADMIN', `${email} is not an admin of this editor`);
      }
      return c.html(notAdminPage(email, email_verified), 403, NO_STORE);
    }
    if (api) return signedOut(current.reason);
    // A cookie that does not open is dropped on the way to the provider.
    if (current.reason === 'invalid') flow.cookies.session.clear(c);
    if (READS.has(c.req.method)) {
      const url = new URL(c.req.url);
      return flow.begin(c, safeReturnTo(url.pathname + url.search));
    }
    return c.text('Sign in first: open this page in a browser', 401);
  };
}
