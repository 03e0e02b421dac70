// What of Konpro's answer reaches the browser: the status, the parsed JSON (already scrubbed of the
// key) and a few headers. Everything else (cookies, caching, server details) stays here.
import { UPSTREAM_ID_HEADER } from '../../contract/headers';
import type { ApiRoute } from '../../contract/routes';
import { errorResponse } from '../http/error-response';
import { readEndpointList, withoutSecrets } from './list-secrets';

const RETURNED_HEADERS = ['retry-after'];

export function passBack(
  route: ApiRoute,
  answer: { status: number; headers: Headers; json: unknown },
  apiKey: string,
): Response {
  // Statuses that cannot carry a JSON body (1xx, 204, 205) or that no API answers (600+).
  if (answer.status < 200 || answer.status > 599 || [204, 205].includes(answer.status)) {
    return errorResponse(
      502,
      'UPSTREAM_BAD_STATUS',
      `Konpro's API answered with status ${answer.status}`,
    );
  }
  let json = answer.json;
  const ok = answer.status >= 200 && answer.status < 300;
  if (route.stripSecrets) {
    if (ok && route.action === 'endpoint.list' && readEndpointList(json) === null) {
      return errorResponse(
        502,
        'UPSTREAM_BAD_LIST',
        "Konpro's API answered the endpoint list in a shape this server does not know",
      );
    }
    json = withoutSecrets(json);
  }
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
  for (const name of RETURNED_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null && !value.includes(apiKey)) headers.set(name, value);
  }
  const upstreamId = answer.headers.get('x-request-id') ?? bodyRequestId(answer.json);
  if (
    upstreamId !== undefined &&
    /^[\w.:=-]{1,128}$/.test(upstreamId) &&
    !upstreamId.includes(apiKey)
  ) {
    headers.set(UPSTREAM_ID_HEADER, upstreamId);
  }
  return new Response(JSON.stringify(json), { status: answer.status, headers });
}

/** Konpro puts its id at the top of an error body, or inside `error`. */
function bodyRequestId(json: unknown): string | undefined {
  const body = json as { request_id?: unknown; error?: { request_id?: unknown } } | null;
  const id = body?.request_id ?? body?.error?.request_id;
  return typeof id === 'string' ? id : undefined;
}
