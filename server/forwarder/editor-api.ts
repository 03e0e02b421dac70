// The package's `/server` entry: the editor's API for a portal's own backend, as one Web-standard
// handler `(Request) => Promise<Response>` that Express, Hono, Next.js route handlers or Node's
// fetch-style servers can all call. It mounts the same routes as this project's `/api`
// (editor-api-routes.ts), so a portal gets every defence without re-making any.
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS as PAGE_TIMEOUT_MS } from '../../contract/page-timeout';
import { errorResponse, newRequestId } from '../http/error-response';
import type { AuditLine } from '../log/audit';
import { apiBaseSchema, KONPRO_API_BASE } from './api-base';
import { type Access, editorApiRoutes } from './editor-api-routes';
import type { Upstream } from './forward-request';
import { openFileStore } from '../store/file-store';
import { openPostgresStore } from '../store/postgres-store';
import type { Store } from '../store/store';

export type { AuditLine } from '../log/audit';

/** Who may act: `{ actor }` names them, `null` answers 401, a Response is sent as it is. */
export type WebhookEditorAccess = { actor: string } | null | Response;

export interface WebhookEditorApiOptions {
  /** The portal's Konpro API key. It never leaves this handler. */
  apiKey: string;
  /** Konpro's base URL, without `/v1`. Default `https://api.konpro.ai`. */
  apiBase?: string;
  /** Where the portal mounts the handler, e.g. `/portal-api`; the editor's `apiBaseUrl`. Default `""`. */
  basePath?: string;
  /**
   * Decides, for every request, who may act: typically the portal's session or a short-lived token
   * that `getHeaders` sends. Nothing reaches Konpro unless it names an actor. It must not read
   * the request's body, which the handler reads after it.
   */
  authorize: (request: Request) => Promise<WebhookEditorAccess> | WebhookEditorAccess;
  /** One call per write and secret reveal, refused ones included; never a secret or the key. */
  onAudit?: (line: AuditLine) => void;
  /** One deadline over everything a request does upstream, in ms. Default 10000, below the page's 15 s. */
  timeoutMs?: number;
  /** How Konpro is reached; `fetch` by default. No redirect is followed either way. */
  fetch?: (request: Request) => Promise<Response>;
  /** Plain messages about failures (an upstream that broke the rules); `console.error` by default. */
  log?: (message: string) => void;
  /**
   * Where the change history and the per-endpoint write lock live (openWebhookEditorStore): with
   * it, the editor shows each endpoint's history and copies of the portal's backend that share a
   * PostgreSQL never let two admins overwrite each other. Without it, no history is kept (the
   * editor hides its History) and writes queue within this process only.
   */
  store?: WebhookEditorStore;
}

export type WebhookEditorStore = Pick<Store, 'history' | 'lock' | 'ready' | 'close'>;

/**
 * Opens the store: PostgreSQL (`databaseUrl`, migrated at open; copies of the backend share it)
 * or a folder on this machine (one process). Close it when the backend stops.
 */
export async function openWebhookEditorStore(
  options: { databaseUrl: string } | { folder: string },
): Promise<WebhookEditorStore> {
  if ('databaseUrl' in options) return openPostgresStore({ url: options.databaseUrl });
  return openFileStore({ folder: options.folder });
}

export type WebhookEditorApi = (request: Request) => Promise<Response>;

const fn = (name: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    error: `${name} must be a function`,
  });

const optionsSchema = z.strictObject({
  apiKey: z.string({ error: 'apiKey is required: the portal’s Konpro API key' }).min(1, {
    error: 'apiKey must not be empty',
  }),
  apiBase: z.string({ error: 'apiBase must be a string' }).pipe(apiBaseSchema).optional(),
  basePath: z
    .string({ error: 'basePath must be a string' })
    .regex(/^(\/[A-Za-z0-9._~-]+)*$/, {
      error: 'basePath must be "" or a path such as /portal-api, without a trailing slash',
    })
    .optional(),
  authorize: fn('authorize'),
  onAudit: fn('onAudit').optional(),
  timeoutMs: z
    .int({ error: 'timeoutMs must be a whole number of milliseconds' })
    .min(1, { error: 'timeoutMs must be at least 1' })
    .max(PAGE_TIMEOUT_MS - 1, {
      error: `timeoutMs must be below the page's own ${PAGE_TIMEOUT_MS} ms, so the admin sees this answer`,
    })
    .optional(),
  fetch: fn('fetch').optional(),
  log: fn('log').optional(),
  store: z
    .custom<WebhookEditorStore>(
      (value) => typeof (value as { lock?: { run?: unknown } } | null)?.lock?.run === 'function',
      { error: 'store must come from openWebhookEditorStore()' },
    )
    .optional(),
});

export class WebhookEditorApiOptionsError extends Error {
  constructor(message: string) {
    super(`konpro-webhook-editor/server: ${message}`);
    this.name = 'WebhookEditorApiOptionsError';
  }
}

export function createWebhookEditorApi(options: WebhookEditorApiOptions): WebhookEditorApi {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new WebhookEditorApiOptionsError(describe(parsed.error.issues[0]));
  const basePath = parsed.data.basePath ?? '';
  const log = options.log ?? ((message: string) => console.error(message));
  const upstream: Upstream = options.fetch ?? ((request) => fetch(request));

  const app = new Hono();
  app.use(contextStorage());
  // Never an id the client chose: the audit line and the page's error banner show this one.
  app.use(requestId({ headerName: '', generator: () => newRequestId() }));
  app.use(async (c, next) => {
    await next();
    c.header('x-request-id', c.var.requestId);
  });
  const routes = editorApiRoutes({
    basePath,
    upstream,
    base: parsed.data.apiBase ?? KONPRO_API_BASE,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    log,
    access: async (c) => accessOf(await options.authorize(c.req.raw)),
    audit: (line) => options.onAudit?.(line),
    anonymousActor: null,
    store: options.store,
  });
  app.route(basePath === '' ? '/' : basePath, routes);
  app.notFound(() =>
    errorResponse(404, 'NOT_FOUND', `Not an API route: the API is under ${basePath || '/'}`),
  );
  app.onError((error) => {
    log(`konpro-webhook-editor/server: ${error.message}`);
    return errorResponse(500, 'INTERNAL_ERROR', 'The server could not complete the request');
  });
  return async (request) => app.fetch(request);
}

function accessOf(decision: WebhookEditorAccess): Access {
  if (decision instanceof Response) return decision;
  if (decision === null) {
    return errorResponse(401, 'UNAUTHORIZED', 'Sign in to the portal again to manage webhooks');
  }
  // A portal written in JavaScript may resolve to anything.
  const actor = (decision as { actor?: unknown } | undefined)?.actor;
  if (typeof actor !== 'string' || actor === '') {
    // A bug in the portal's authorize: refuse rather than act for nobody.
    throw new Error('authorize must resolve to { actor: string }, null or a Response');
  }
  return { actor };
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid options';
  if (issue.code === 'unrecognized_keys') return `unknown option "${issue.keys.join('", "')}"`;
  // Messages name their option, except those shared with the server's settings.
  const name = issue.path.join('.');
  return issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`;
}
