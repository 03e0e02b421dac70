// The first layer: gives the request its id (never one the client chose, so nobody can make their
// request look like another's in the log), makes the context reachable from anywhere below it
// (the logger and error bodies read the id there), and writes one line when the answer leaves.
import type { MiddlewareHandler } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { requestId } from 'hono/request-id';
import { UPSTREAM_ID_HEADER } from '../../contract/headers';
import { newRequestId } from '../http/error-response';
import { requestPath } from '../http/request-line';
import type { Logger } from './logger';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who made the request: a signed-in admin's email; unset without sign-in. */
    actor?: string;
  }
}

const MAX_PATH_LOGGED = 512;

export function requestLog(logger: Logger): MiddlewareHandler[] {
  return [
    contextStorage(),
    // An empty header name: the client's X-Request-Id is ignored, and the answer's is set below.
    requestId({ headerName: '', generator: () => newRequestId() }),
    async (c, next) => {
      const started = performance.now();
      await next();
      c.header('x-request-id', c.var.requestId);
      // The path as it arrived, percent-encoded, without the query (a sign-in callback's code).
      const path = requestPath(c.req.url);
      logger.info({
        msg: 'request',
        method: c.req.method,
        path: path.length > MAX_PATH_LOGGED ? `${path.slice(0, MAX_PATH_LOGGED)}…` : path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        actor: c.var.actor,
        // Konpro's id for the same call, for a question to Konpro's support.
        upstream_request_id: c.res.headers.get(UPSTREAM_ID_HEADER) ?? undefined,
      });
    },
  ];
}
