// `/api/*`: the request target is matched against the route table exactly as it arrived on the
// socket (Node's raw URL), before the URL parser folds `..` or `%2e` segments into another path.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { errorResponse } from '../http/error-response';
import type { createForwarder } from './forward-request';
import { type ApiRoute, matchRoute } from './routes';
import { secretReadLimit } from './secret-reads';

type Forward = ReturnType<typeof createForwarder>;

/** The call as the route table read it; the audit log writes its line from this. */
export interface ApiCall {
  route: ApiRoute;
  params: Record<string, string>;
  body: Uint8Array | undefined;
  /** It revealed a secret and changed nothing: the secret route, or an update that changes nothing. */
  secretRead?: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    apiCall?: ApiCall;
  }
}

export function apiHandler(forward: Forward, secretReads = secretReadLimit()) {
  return async (c: Context): Promise<Response> => {
    const match = matchRoute(c.req.method, rawTarget(c));
    if (!match.ok) {
      const code = { 400: 'VALIDATION_ERROR', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' }[
        match.status
      ];
      return errorResponse(match.status, code, match.message, {
        headers: match.allow ? { allow: match.allow } : {},
      });
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const body = bytes.byteLength > 0 ? bytes : undefined;
    const call: ApiCall = { route: match.route, params: match.params, body };
    c.set('apiCall', call);
    return forward({
      route: match.route,
      params: match.params,
      body,
      ifMatch: c.req.header('if-match'),
      signal: c.req.raw.signal,
      onSecretRead: () => {
        call.secretRead = true;
        // Without sign-in there is one actor, as in the audit line.
        return secretReads(c.var.actor ?? 'local');
      },
    });
  };
}

/** Path and query as the client sent them; in-process calls (tests) have only the parsed URL. */
export function rawTarget(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.url !== undefined) return incoming.url;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}
