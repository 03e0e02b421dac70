// What of Konpro's answer reaches the browser: status, body and a few headers. Everything else
// (cookies, caching, server details) stays here, and the key is scrubbed should Konpro echo it.
import { errorResponse } from '../http/error-response';
import { withoutListSecrets } from './list-secrets';

const RETURNED_HEADERS = ['content-type', 'retry-after', 'x-request-id'];
const NO_BODY_STATUSES = new Set([204, 205, 304]);
const REDACTED = '[redacted]';

export function passBack(
  response: Response,
  bytes: ArrayBuffer,
  apiKey: string,
  path: string,
): Response {
  if (response.status >= 300 && response.status < 400) {
    return errorResponse(
      502,
      'UPSTREAM_REDIRECT',
      "Konpro's API answered with a redirect; check KONPRO_API_BASE",
    );
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of RETURNED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null && !value.includes(apiKey)) headers.set(name, value);
  }
  if (NO_BODY_STATUSES.has(response.status))
    return new Response(null, { status: response.status, headers });
  const text = withoutListSecrets(path, response.status, Buffer.from(bytes).toString('utf8'));
  return new Response(scrub(text, apiKey), { status: response.status, headers });
}

// Some APIs quote the key they rejected in an error message; it must not reach the page.
function scrub(body: string, apiKey: string): string {
  return body.replaceAll(apiKey, REDACTED);
}
