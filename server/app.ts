// The whole server as one Hono app. A request passes the layers in this order: the load
// balancer's probes (/healthz, /readyz: any Host, no sign-in, no log line) → request id and log
// line → host check → security headers → compression (the two /api list answers) → sign-in's
// pages and gate (when configured; /api asks it who may act) → /api: the editor's API routes, as a
// portal's backend also mounts them (audit line, JSON-only answers, who may act, same-origin rule,
// size limit, JSON bodies, route table, forwarder to Konpro or the embedded emulator, which also
// answers `/v1/*` directly) → the built client.
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EndpointStore } from './emulator/endpoint-store';
import { createEmulator } from './emulator/emulator-app';
import { createUrlCheck, type UrlCheck } from './emulator/url-reachability';
import { createSignIn, LOCAL_ACTOR } from './auth/sign-in';
import type { Discover } from './auth/oidc-client';
import { editorApiRoutes } from './forwarder/editor-api-routes';
import type { UrlCheckOptions } from './url-check/url-check';
import type { Upstream } from './forwarder/forward-request';
import { allowedHosts } from './http/allowed-hosts';
import { compressLists } from './http/compression';
import { requestLine } from './http/request-line';
import { errorResponse } from './http/error-response';
import { probeRoutes, type ReadinessCheck } from './http/probes';
import { createLogger, type Logger } from './log/logger';
import { requestLog } from './log/request-log';
import { securityHeaders } from './security-headers';
import type { Settings } from './settings';
import { mountStaticFiles } from './static-files';
import { openFileStore } from './store/file-store';
import type { Store } from './store/store';

/** The embedded store lives beside the emulator's data file (KONPRO_DATA_FILE). */
export function storeFolder(settings: Settings): string {
  return dirname(settings.emulator.dataFile);
}

export interface AppDeps {
  /**
   * Sessions, history and the write lock (PostgreSQL from DATABASE_URL, opened by main.ts);
   * the embedded store in the data folder when absent.
   */
  editorStore?: Store;
  /** The emulator's store; opened from KONPRO_DATA_FILE when absent (emulator mode only). */
  store?: EndpointStore;
  /** Replaces the upstream the forwarder calls (tests record requests with it). */
  upstream?: Upstream;
  /** Replaces the emulator's OPTIONS reachability check (KONPRO_EMULATOR_CHECK_URLS=1). */
  checkUrl?: UrlCheck;
  /** Added to the URL check's options (endpoint.check): tests trust their throwaway CA with `ca`. */
  urlCheck?: Omit<UrlCheckOptions, 'allowLoopback'>;
  /** The emulator's clock for rate limiting, in ms. */
  now?: () => number;
  /** The structured logger (request lines, audit lines); a JSON logger on stdout by default. */
  logger?: Logger;
  /** Plain messages (upstream failures, crashes); the logger's warnings by default. */
  log?: (line: string) => void;
  /** Sign-in's clock and provider discovery, for tests. */
  signIn?: { now?: () => number; discover?: Discover };
  /** What /readyz checks besides the emulator's data folder (in emulator mode). */
  readiness?: readonly ReadinessCheck[];
}

// The emulator is called in-process; this host only gives the forwarded request a well-formed URL.
const EMULATOR_BASE = 'http://konpro-emulator.invalid';

export function createApp(settings: Settings, deps: AppDeps = {}): Hono {
  const app = new Hono();
  const logger = deps.logger ?? createLogger(settings.logLevel);
  const log = deps.log ?? ((line: string) => logger.warn(line));
  // Settings are parsed before the app exists, so they need no check of their own; the store (its
  // database or folder) and the emulator's data folder are added below. Konpro itself is not checked: its outage would take every copy
  // out of the load balancer at once, and each save already reports it.
  const readiness = [...(deps.readiness ?? [])];
  app.route('/', probeRoutes(readiness, { logger }));
  app.use(...requestLog(logger));
  app.use(allowedHosts(settings.allowedHosts));
  // Signing out leads a form on to the provider's own sign-out page.
  const providerOrigin = settings.signIn ? [new URL(settings.signIn.issuer).origin] : [];
  app.use(securityHeaders(settings.frameAncestors, providerOrigin));
  app.use(compressLists());
  const editorStore = deps.editorStore ?? openFileStore({ folder: storeFolder(settings) });
  readiness.push({ name: 'store', check: () => editorStore.ready() });
  const signIn = createSignIn(settings, { logger, sessions: editorStore.sessions, ...deps.signIn });
  app.route('/auth', signIn.routes);
  if (signIn.gate) app.use(signIn.gate);

  let upstream: Upstream = deps.upstream ?? ((request) => fetch(request));
  if (settings.apiBase === undefined) {
    const { emulator: options } = settings;
    const store = deps.store ?? EndpointStore.open(options.dataFile);
    readiness.push({ name: 'emulator data folder', check: () => store.writable() });
    const emulator = createEmulator({
      store,
      users: options.users,
      rateLimitPerMinute: options.rateLimitPerMinute,
      checkUrl: options.checkUrls
        ? (deps.checkUrl ?? createUrlCheck({ allowLoopback: settings.checkAllowLoopback }))
        : undefined,
      allowLoopback: settings.checkAllowLoopback,
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

  const api = editorApiRoutes({
    basePath: '/api',
    upstream,
    base: settings.apiBase ?? EMULATOR_BASE,
    apiKey: settings.apiKey,
    timeoutMs: settings.upstreamTimeoutMs,
    log,
    access: signIn.apiAccess,
    audit: (line) => logger.info({ msg: 'audit', ...line }),
    anonymousActor: settings.signIn ? null : LOCAL_ACTOR,
    store: editorStore,
    urlCheck: { ...deps.urlCheck, allowLoopback: settings.checkAllowLoopback },
  });
  app.route('/api', api);

  mountStaticFiles(app, settings.staticDir);
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    // A middleware's own refusal (hono/csrf's 403) is an answer, not a failure.
    if (error instanceof HTTPException) return error.getResponse();
    log(`${requestLine(c.req.method, c.req.url)} failed: ${error.message}`);
    return /^\/(api|v1)(\/|$)/.test(c.req.path)
      ? errorResponse(500, 'INTERNAL_ERROR', 'The server could not complete the request')
      : c.text('Internal server error', 500);
  });
  return app;
}
