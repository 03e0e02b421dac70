// The audit trail: one line per write and per secret reveal through /api, refused ones included,
// saying who did what to which endpoint and what was answered. Which calls count is read from the
// route table; an update that changed nothing is written as the secret read it was (the forwarder
// tells, see no-op-update.ts). The line never holds a value that was sent or answered, only field
// names.
import type { Context, MiddlewareHandler } from 'hono';
import { unwrapEnvelope } from '../../contract/envelope';
import { API_ROUTES, matchRoute } from '../../contract/routes';
import type { ApiCall } from '../http/api-call';
import { rawTarget } from '../http/raw-target';
import { readBodyLimited } from '../http/read-body';

/** One write or secret reveal: who did what to which endpoint, and what was answered. */
export interface AuditLine {
  audit: true;
  /** The route's action, e.g. `endpoint.update`; `endpoint.secret` for an update that changed nothing. */
  action: string;
  /** Who acted, as the API's authorization named them; null when nobody could be named. */
  actor: string | null;
  endpoint_id: string | null;
  /** The names of the fields the write sent (`url`, `events`), never their values. */
  changed: string[];
  /** The HTTP status answered. */
  status: number;
  /** The id the page shows beside an error. */
  request_id: string;
  /**
   * endpoint.check only: the host of the URL checked, the place this server connected to (or
   * would have). Never the receiver's answer.
   */
  host?: string;
}

export interface AuditOptions {
  /** The actor of a request nobody signed in for: `local` without sign-in, null with it. */
  anonymousActor: string | null;
  /** Where the API's routes sit, e.g. `/api`; the route table's paths follow it. */
  basePath: string;
  /** Where each line goes: the log on stdout, or a portal's own audit trail. */
  record: (line: AuditLine) => void;
}

const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const SECRET_READ = API_ROUTES.find((route) => route.own === 'secret')?.action ?? 'endpoint.secret';

export function auditWrites(options: AuditOptions): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A call refused before the route table (sign-in, cross-site, size) is matched here.
    const call = c.var.apiCall ?? (await refusedCall(c, options.basePath));
    if (!call?.route.audit) return;
    const body = parseJson(call.body);
    const check = call.route.own === 'check';
    const line: AuditLine = {
      audit: true,
      action: call.secretRead ? SECRET_READ : call.route.action,
      actor: c.var.actor ?? options.anonymousActor,
      // A check acts on a URL, not on an endpoint, and changes nothing.
      endpoint_id: check ? null : (endpointIdOf(call, body) ?? (await answeredEndpointId(c))),
      changed: call.secretRead || check ? [] : changedFields(body),
      status: c.res.status,
      request_id: c.var.requestId,
    };
    if (check) line.host = hostOf(body?.url);
    options.record(line);
  };
}

async function refusedCall(c: Context, basePath: string): Promise<ApiCall | undefined> {
  const match = matchRoute(c.req.method, rawTarget(c), basePath);
  if (!match.ok || !match.route.audit) return undefined;
  // The body names the endpoint of an update, or the host a check was for; read under the same
  // cap as an accepted one, or as the layer that refused it read it (the JSON-only rule does).
  const read = c.req.raw.bodyUsed ? await readAlready(c) : await readBodyLimited(c.req.raw);
  const body = read?.ok && read.bytes.byteLength > 0 ? read.bytes : undefined;
  return { route: match.route, params: match.params, body };
}

/** The body as a layer read it through Hono, which keeps it; null when read some other way. */
async function readAlready(c: Context): Promise<{ ok: true; bytes: Uint8Array } | null> {
  try {
    return { ok: true, bytes: new Uint8Array(await c.req.arrayBuffer()) };
  } catch {
    return null;
  }
}

function endpointIdOf(call: ApiCall, body: Record<string, unknown> | null): string | null {
  if (call.route.endpointIdIn === 'query') return call.params.endpoint_id ?? null;
  const id = body?.endpoint_id;
  return typeof id === 'string' ? id : null;
}

/** An endpoint made by `endpoint.add` is named only in the answer. */
async function answeredEndpointId(c: Context): Promise<string | null> {
  if (!c.res.ok) return null;
  try {
    const json = unwrapEnvelope(await c.res.clone().json()) as { endpoint_id?: unknown } | null;
    return typeof json?.endpoint_id === 'string' ? json.endpoint_id : null;
  } catch {
    return null;
  }
}

/** The fields a write sent, by name (`url`, `events`); what identifies the endpoint is not one. */
function changedFields(body: Record<string, unknown> | null): string[] {
  if (body === null) return [];
  return Object.keys(body)
    .filter((name) => name !== 'endpoint_id' && FIELD_NAME.test(name))
    .slice(0, 20);
}

/** The URL's host as the parser gives it (`hooks.example.com`, `[::1]`); `-` for no URL at all. */
function hostOf(url: unknown): string {
  if (typeof url !== 'string') return '-';
  try {
    const { hostname } = new URL(url.trim());
    return hostname.slice(0, 253) || '-';
  } catch {
    return '-';
  }
}

function parseJson(bytes: Uint8Array | undefined): Record<string, unknown> | null {
  if (!bytes) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
