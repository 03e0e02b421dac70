// The editor's API as routes to mount: every defence of /api in the order a request meets them.
// This project's server mounts them at /api (server/app.ts); a portal's backend gets the same
// routes behind one Web-standard handler (editor-api.ts). One implementation for both.
//
// audit line → JSON-only answers → who may act → history entry → same-origin rule → size limit →
// JSON bodies → route table → forwarder (per-endpoint write lock, If-Match, secrets stripped from
// lists), the history route or the URL check.
import { type Context, Hono } from 'hono';
import { apiHeaders } from '../http/api-headers';
import { sameOriginOnly } from '../http/cross-site';
import { bodySizeLimit, jsonBodiesOnly } from '../http/json-bodies';
import { type AuditLine, auditWrites } from '../log/audit';
import { apiHandler } from './api-handler';
import type { Store } from '../store/store';
import { createForwarder, type ForwarderOptions } from './forward-request';
import { recordHistory } from './history';
import { checkRoute } from '../url-check/check-route';
import { createUrlChecker, type UrlCheckOptions } from '../url-check/url-check';

/** An actor who may act, or the answer (401, 403) to send instead; nothing reaches Konpro then. */
export type Access = { actor: string } | Response;

export interface EditorApiRoutesOptions extends ForwarderOptions {
  /** Where the routes are mounted, e.g. `/api`; the route table's paths follow it. */
  basePath: string;
  access: (c: Context) => Promise<Access>;
  /** Each write and secret reveal, refused ones included. */
  audit: (line: AuditLine) => void;
  /** The actor named in a line for a call refused before anyone was named. */
  anonymousActor: string | null;
  /** The change history and the per-endpoint write lock; without it, no history is kept. */
  store?: Pick<Store, 'history' | 'lock'> | undefined;
  /** How endpoint.check checks a URL: loopback admitted or not (KONPRO_CHECK_ALLOW_LOOPBACK). */
  urlCheck?: UrlCheckOptions | undefined;
}

export function editorApiRoutes(options: EditorApiRoutesOptions): Hono {
  const routes = new Hono();
  const forward = createForwarder({ ...options, lock: options.store?.lock });
  const check = checkRoute({
    checker: createUrlChecker(options.urlCheck),
    allowLoopback: options.urlCheck?.allowLoopback ?? false,
  });
  routes.use(
    auditWrites({
      anonymousActor: options.anonymousActor,
      basePath: options.basePath,
      record: options.audit,
    }),
  );
  routes.use(apiHeaders());
  routes.use(async (c, next) => {
    const access = await options.access(c);
    if (access instanceof Response) return access;
    c.set('actor', access.actor);
    await next();
  });
  if (options.store) routes.use(recordHistory(options.store.history, options.log ?? console.error));
  routes.use(sameOriginOnly(), bodySizeLimit(), jsonBodiesOnly());
  routes.all(
    '*',
    apiHandler({ forward, basePath: options.basePath, history: options.store?.history, check }),
  );
  return routes;
}
