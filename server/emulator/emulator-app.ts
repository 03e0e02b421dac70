// An in-process stand-in for Konpro's webhook API, so the editor can be developed, demonstrated and
// tested end to end without an account. It answers `/v1/webhook/<route>` like the real service.
import { Hono } from 'hono';
import { requestLine } from '../http/request-line';
import { errorResponse, newRequestId } from '../http/error-response';
import { requireApiKey, type AccessVariables } from './access';
import type { EndpointStore } from './endpoint-store';
import { endpointRoutes } from './endpoint-routes';
import { type EnvelopeStyle, heygenEnvelope } from './heygen-envelope';
import type { UrlCheck } from './url-reachability';

export interface EmulatorOptions {
  store: EndpointStore;
  /** API key → username. */
  users: ReadonlyMap<string, string>;
  rateLimitPerMinute: number;
  /** Konpro's OPTIONS check of a new URL; absent means every URL counts as reachable. */
  checkUrl?: UrlCheck;
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1: loopback https URLs are admitted. Default false. */
  allowLoopback?: boolean;
  now?: () => number;
  log?: (line: string) => void;
  /** Konpro's documented shapes (default), or HeyGen v1's envelopes. */
  envelope?: EnvelopeStyle;
}

export function createEmulator(options: EmulatorOptions): Hono<{ Variables: AccessVariables }> {
  const app = new Hono<{ Variables: AccessVariables }>();
  const routes = endpointRoutes(options.store, options.checkUrl, {
    allowLoopback: options.allowLoopback ?? false,
  });
  const log = options.log ?? ((line: string) => console.error(line));

  app.use(async (c, next) => {
    const requestId = newRequestId();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    c.res.headers.set('cache-control', 'no-store');
  });
  if (options.envelope === 'heygen') app.use(heygenEnvelope());

  // Routing comes before authentication, as on the real API: a wrong path or method is reported
  // as such even without a key.
  app.all(
    '/v1/webhook/:route',
    async (c, next) => {
      const route = routes.get(c.req.param('route'));
      if (!route) return routeNotFound(c.req.method, c.req.path, c.get('requestId'));
      if (route.method !== c.req.method) {
        return errorResponse(405, 'METHOD_NOT_ALLOWED', `Use ${route.method} for this route`, {
          requestId: c.get('requestId'),
          headers: { allow: route.method },
        });
      }
      await next();
    },
    requireApiKey(options.users, options.rateLimitPerMinute, options.now),
    (c) => routes.get(c.req.param('route'))?.handle(c) ?? c.notFound(),
  );

  app.notFound((c) => routeNotFound(c.req.method, c.req.path, c.get('requestId')));
  app.onError((error, c) => {
    log(`Konpro emulator: ${requestLine(c.req.method, c.req.url)} failed: ${error.message}`);
    return errorResponse(500, 'PROCESSING_ERROR', 'The emulator could not complete the request', {
      requestId: c.get('requestId'),
    });
  });
  return app;
}

function routeNotFound(method: string, path: string, requestId: string): Response {
  return errorResponse(404, 'NOT_FOUND', `No such route: ${method} ${path}`, { requestId });
}
