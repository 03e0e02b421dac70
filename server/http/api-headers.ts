// Whatever happens below, `/api` answers JSON that a browser will never run or render: a policy
// of its own that allows nothing, nosniff, no caching, and no CORS header (pages elsewhere may not
// read these answers). An answer that somehow is not JSON is replaced rather than passed on.
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response';
import { JSON_TYPE } from './json-type';

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function apiHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!JSON_TYPE.test(c.res.headers.get('content-type') ?? '')) {
      c.res = errorResponse(500, 'INTERNAL_ERROR', 'The server could not complete the request');
    }
    const headers = c.res.headers;
    for (const name of [...headers.keys()]) {
      if (name.startsWith('access-control-')) headers.delete(name);
    }
    headers.set('content-security-policy', API_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  };
}
