// The editor's API routes: the request target is matched against the route table exactly as it arrived on the
// socket (Node's raw URL), before the URL parser folds `..` or `%2e` segments into another path.
import type { Context } from 'hono';
import { matchRoute } from '../../contract/routes';
import type { ApiCall } from '../http/api-call';
import { errorResponse } from '../http/error-response';
import { rawTarget } from '../http/raw-target';
import type { createForwarder } from './forward-request';
import type { HistoryLog } from '../store/store';
import { serveHistory } from './history';
import { secretReadLimit } from './secret-reads';
import type { CheckRoute } from '../url-check/check-route';

type Forward = ReturnType<typeof createForwarder>;

export interface ApiHandlerOptions {
  forward: Forward;
  basePath: string;
  /** Serves endpoint.history; without one, the route answers 404 (the page hides its History). */
  history?: HistoryLog | undefined;
  secretReads?: ReturnType<typeof secretReadLimit>;
  /** Serves endpoint.check: the URL check, by this server itself. */
  check: CheckRoute;
}

export function apiHandler({
  forward,
  basePath,
  history,
  secretReads = secretReadLimit(),
  check,
}: ApiHandlerOptions) {
  return async (c: Context): Promise<Response> => {
    const match = matchRoute(c.req.method, rawTarget(c), basePath);
    if (!match.ok) {
      const code = { 400: 'VALIDATION_ERROR', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' }[
        match.status
      ];
      return errorResponse(match.status, code, match.message, {
        headers: match.allow ? { allow: match.allow } : {},
      });
    }
    if (match.route.own === 'history') {
      const { endpoint_id: endpointId = '', limit } = match.params;
      return serveHistory(history, endpointId, limit);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const body = bytes.byteLength > 0 ? bytes : undefined;
    const call: ApiCall = { route: match.route, params: match.params, body };
    c.set('apiCall', call);
    // Without sign-in there is one actor, as in the audit line.
    if (match.route.own === 'check') return check(body, c.var.actor ?? 'local');
    return forward({
      route: match.route,
      params: match.params,
      body,
      ifMatch: c.req.header('if-match'),
      signal: c.req.raw.signal,
      onCurrent: (endpoint) => {
        call.before = endpoint;
      },
      onSecretRead: () => {
        call.secretRead = true;
        // Without sign-in there is one actor, as in the audit line.
        return secretReads(c.var.actor ?? 'local');
      },
    });
  };
}
