// KONPRO_EMULATOR_ENVELOPE=heygen: the same routes answered in HeyGen v1's shapes, for clients
// written against HeyGen. On success `{code: 100, data, msg: null, message: null}`, each endpoint
// written as HeyGen writes it (`events: null` for all events, `entity_id: null` when none was
// given), and a delete as `{code: 100, data: null, msg: null}`. On failure HeyGen's numeric code,
// the HTTP status kept, and one text in `message` (which HeyGen's clients read) and `msg`: HeyGen's
// own words for the error, then the specific reason the default shapes give in `details`.
import type { MiddlewareHandler } from 'hono';

export type EnvelopeStyle = 'konpro' | 'heygen';

interface KonproError {
  error: { code: string; message: string; details?: { field: string; reason: string } };
  request_id?: string;
}

/** HeyGen's codes and words for the errors it names (its "Error Responses" page). */
export const HEYGEN_INVALID_URL = {
  code: 400542,
  message: 'Url of this webhook endpoint is invalid',
};
export const HEYGEN_ENDPOINT_NOT_FOUND = { code: 400131, message: 'Webhook endpoint not found' };

export function heygenEnvelope(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!/^application\/json/.test(c.res.headers.get('content-type') ?? '')) return;
    const body = (await c.res.clone().json()) as unknown;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    const route = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
    const wrapped = c.res.ok ? success(route, body) : failure(body as KonproError, c.res.status);
    c.res = new Response(JSON.stringify(wrapped), { status: c.res.status, headers });
  };
}

function success(route: string, body: unknown) {
  if (route === 'endpoint.delete') return { code: 100, data: null, msg: null };
  if (typeof body === 'object' && body !== null && 'code' in body) return body; // already HeyGen's
  // The list is `{data: [...]}` in Konpro's shape: HeyGen's data is the array itself.
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : body;
  const shaped =
    route === 'endpoint.list' && Array.isArray(data)
      ? data.map(heygenEndpoint)
      : route === 'endpoint.add' || route === 'endpoint.update'
        ? heygenEndpoint(data)
        : data;
  return { code: 100, data: shaped, msg: null, message: null };
}

/** The emulator stores "all events" as `[]` and leaves out an absent entity_id; HeyGen says null. */
function heygenEndpoint(endpoint: unknown): unknown {
  if (typeof endpoint !== 'object' || endpoint === null) return endpoint;
  const { events, entity_id, ...rest } = endpoint as { events?: unknown; entity_id?: unknown };
  return {
    ...rest,
    events: Array.isArray(events) && events.length > 0 ? events : null,
    entity_id: entity_id ?? null,
  };
}

function failure(body: KonproError, status: number) {
  const { code, message, details } = body.error;
  const [heygenCode, words, reason] =
    code === 'VALIDATION_ERROR' && details?.field === 'url'
      ? [HEYGEN_INVALID_URL.code, HEYGEN_INVALID_URL.message, details.reason]
      : code === 'RESOURCE_NOT_FOUND'
        ? [HEYGEN_ENDPOINT_NOT_FOUND.code, HEYGEN_ENDPOINT_NOT_FOUND.message, message]
        : [status * 100 + 1, message, details?.reason];
  const text = reason === undefined ? words : `${words}: ${reason}`;
  return {
    code: heygenCode,
    data: null,
    msg: text,
    message: text,
    ...(body.request_id ? { request_id: body.request_id } : {}),
  };
}
