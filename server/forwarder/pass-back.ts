// What of Konpro's answer reaches the browser: the status, the parsed JSON (already scrubbed of the
// key) and a few headers. Everything else (cookies, caching, server details) stays here.
import { errorResponse } from '../http/error-response';
import type { ApiRoute } from './routes';
import { readEndpointList, withoutSecrets } from './list-secrets';

const RETURNED_HEADERS = ['retry-after', 'x-request-id'];

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
    if (ok && readEndpointList(json) === null) {
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
  return new Response(JSON.stringify(json), { status: answer.status, headers });
}
