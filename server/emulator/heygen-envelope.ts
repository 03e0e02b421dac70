// KONPRO_EMULATOR_ENVELOPE=heygen: the same routes answered in HeyGen v1's shapes, for clients
// written against HeyGen: `{code: 100, data, msg, message}` on success, and on failure a numeric
// code with the message (`{code: 40001, message}`), the HTTP status kept.
import type { MiddlewareHandler } from 'hono';

export type EnvelopeStyle = 'konpro' | 'heygen';

interface KonproError {
  error: { code: string; message: string };
  request_id?: string;
}

export function heygenEnvelope(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!/^application\/json/.test(c.res.headers.get('content-type') ?? '')) return;
    const body = (await c.res.clone().json()) as unknown;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    const wrapped = c.res.ok ? success(body) : failure(body as KonproError, c.res.status);
    c.res = new Response(JSON.stringify(wrapped), { status: c.res.status, headers });
  };
}

function success(body: unknown) {
  if (typeof body === 'object' && body !== null && 'code' in body) return body; // already HeyGen's
  // The list is `{data: [...]}` in Konpro's shape: HeyGen's data is the array itself.
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : body;
  return { code: 100, data, msg: null, message: null };
}

function failure(body: KonproError, status: number) {
  const message = body.error.message;
  return {
    code: status * 100 + 1,
    data: null,
    msg: message,
    message,
    ...(body.request_id ? { request_id: body.request_id } : {}),
  };
}
