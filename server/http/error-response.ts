// Every error this server produces, forwarded or emulated, has Konpro's documented shape, so the
// client needs one error parser and a request id always reaches the person reporting a problem.
import { randomBytes } from 'node:crypto';
import { tryGetContext } from 'hono/context-storage';

export interface ErrorDetails {
  field: string;
  reason: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetails };
  request_id: string;
}

export function newRequestId(): string {
  return `req_${randomBytes(8).toString('hex')}`;
}

/** The id of the request being answered (see server/log/request-log.ts), when there is one. */
export function currentRequestId(): string | undefined {
  return tryGetContext<{ Variables: { requestId?: string } }>()?.var.requestId;
}

export interface ErrorOptions {
  details?: ErrorDetails;
  requestId?: string;
  headers?: Record<string, string>;
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: ErrorOptions = {},
): Response {
  const requestId = options.requestId ?? currentRequestId() ?? newRequestId();
  const body: ErrorBody = { error: { code, message }, request_id: requestId };
  if (options.details) body.error.details = options.details;
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...options.headers,
    },
  });
}
