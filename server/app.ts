// The whole server as one Hono app. A request passes the layers in this order: host check →
// security headers → compression (the two /api list answers) → (for /api) JSON-only answers,
// same-origin rule, size limit, JSON bodies → route table → forwarder (to Konpro, or the embedded
// emulator, which also answers `/v1/*` directly) → the built client.
import { Hono } from 'hono';
import { EndpointStore } from './emulator/endpoint-store';
import { createEmulator } from './emulator/emulator-app';
import { checkUrlReachable, type UrlCheck } from './emulator/url-reachability';
import { apiHandler } from './forwarder/api-handler';
import { createForwarder, type Upstream } from './forwarder/forward-request';
import { allowedHosts } from './http/allowed-hosts';
import { apiHeaders } from './http/api-headers';
import { compressLists } from './http/compression';
import { sameOriginOnly } from './http/cross-site';
import { requestLine } from './http/request-line';
import { errorResponse } from './http/error-response';
import { bodySizeLimit, jsonBodiesOnly } from './http/json-bodies';
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
  app.use(allowedHosts(settings.allowedHosts));
  app.use(securityHeaders(settings.frameAncestors));
  app.use(compressLists());

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
      envelope: options.envelope,
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
  app.use('/api/*', apiHeaders(), sameOriginOnly(), bodySizeLimit(), jsonBodiesOnly());
  app.all('/api/*', apiHandler(forward));

  mountStaticFiles(app, settings.staticDir);
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    log(`${requestLine(c.req.method, c.req.url)} failed: ${error.message}`);
    return /^\/(api|v1)(\/|$)/.test(c.req.path)
      ? errorResponse(500, 'INTERNAL_ERROR', 'The server could not complete the request')
      : c.text('Internal server error', 500);
  });
  return app;
}
