// The whole server as one Hono app: security headers on everything, `/api/v1/*` forwarded to
// Konpro (or to the embedded emulator, which also answers `/v1/*` directly), then the built client.
import { Hono } from 'hono';
import { EndpointStore } from './emulator/endpoint-store';
import { createEmulator } from './emulator/emulator-app';
import { checkUrlReachable, type UrlCheck } from './emulator/url-reachability';
import { createForwarder, type Upstream } from './forwarder/forward-request';
import { errorResponse } from './http/error-response';
import { securityHeaders } from './security-headers';
import type { Settings } from './settings';
import { mountStaticFiles } from './static-files';

export interface AppDeps {
  /** The emulator's store; opened from KONPRO_DATA_FILE when absent (emulator mode only). */
  store?: EndpointStore;
  /** Replaces the upstream the forwarder calls (tests record requests with it). */
  upstream?: Upstream;
  /** Replaces the emulator's OPTIONS reachability check (KONPRO_EMULATOR_CHECK_URLS=1). */
  checkUrl?: UrlCheck;
  /** The emulator's clock for rate limiting, in ms. */
  now?: () => number;
  log?: (line: string) => void;
}

// The emulator is called in-process; this host only gives the forwarded request a well-formed URL.
const EMULATOR_BASE = 'http://konpro-emulator.invalid';

export function createApp(settings: Settings, deps: AppDeps = {}): Hono {
  const app = new Hono();
  const log = deps.log ?? ((line: string) => console.error(line));
  app.use(securityHeaders(settings.frameAncestors));

  let upstream: Upstream = deps.upstream ?? ((request) => fetch(request));
  if (settings.apiBase === undefined) {
    const { emulator: options } = settings;
    const emulator = createEmulator({
      store: deps.store ?? EndpointStore.open(options.dataFile),
      users: options.users,
      rateLimitPerMinute: options.rateLimitPerMinute,
      checkUrl: options.checkUrls ? (deps.checkUrl ?? checkUrlReachable) : undefined,
      now: deps.now,
      log,
    });
    app.all('/v1/*', (c) => emulator.fetch(c.req.raw));
    upstream = deps.upstream ?? (async (request) => emulator.fetch(request));
  } else {
    app.all('/v1/*', () =>
      errorResponse(
        404,
        'NOT_FOUND',
        'The emulator is off: this server forwards /api/v1 to Konpro',
      ),
    );
  }

  const forward = createForwarder({
    upstream,
    base: settings.apiBase ?? EMULATOR_BASE,
    apiKey: settings.apiKey,
    timeoutMs: settings.upstreamTimeoutMs,
    log,
  });
  app.all('/api/v1/*', (c) => forward(c.req.raw));
  app.all('/api/*', (c) =>
    errorResponse(404, 'NOT_FOUND', `No such API route: ${c.req.method} ${c.req.path}`),
  );

  mountStaticFiles(app, settings.staticDir);
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    log(`${c.req.method} ${c.req.path} failed: ${error.message}`);
    return /^\/(api|v1)(\/|$)/.test(c.req.path)
      ? errorResponse(500, 'INTERNAL_ERROR', 'The server could not complete the request')
      : c.text('Internal server error', 500);
  });
  return app;
}
