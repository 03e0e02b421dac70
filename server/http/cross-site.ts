// Only this app's own pages may spend the server's key. A page elsewhere can still make the browser
// send a request here (a form, an image, fetch with `no-cors`), so a request the browser marks as
// coming from another site is refused before it is routed. Requests without the headers (curl,
// scripts on the same machine) pass: they hold no admin's browser session to abuse.
//
// Hono's `csrf` middleware checks the same headers, but only for unsafe methods with form-like
// content types: it lets a cross-site JSON request or GET through. Here every request to /api is
// judged, and the JSON-only rule (json-bodies.ts) closes the form-like types as well.
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response';

// `same-site` includes sibling subdomains, which this app's pages never are.
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && !ALLOWED_FETCH_SITES.has(site)) {
      return forbidden('This API answers only pages of its own origin');
    }
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (origin !== undefined && !isOwnOrigin(origin, host)) {
      return forbidden(`Requests from ${JSON.stringify(origin)} are not allowed`);
    }
    await next();
  };
}

/** The browser's Origin names the host it called; behind a TLS proxy the scheme may differ. */
function isOwnOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.host === host.toLowerCase()
    );
  } catch {
    return false; // `null`, from sandboxed frames and some redirects
  }
}

function forbidden(message: string): Response {
  return errorResponse(403, 'CROSS_SITE_REQUEST', message);
}
