// Browsers send cross-site requests without a CORS preflight only with form-like content types
// (forms, `text/plain`); insisting on JSON for every body makes such a request fail here even
// where no Origin or Sec-Fetch-Site header says where it came from.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './error-response';
import { JSON_TYPE } from './json-type';
import { MAX_BODY_BYTES, payloadTooLargeResponse } from './read-body';

export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '') && (await hasBody(c))) {
      return errorResponse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body as JSON (content-type: application/json)',
      );
    }
    await next();
  };
}

/** Read after bodySizeLimit, which caps what an undeclared length can make this read. */
async function hasBody(c: Context): Promise<boolean> {
  if (Number(c.req.header('content-length') ?? '0') > 0) return true;
  if (c.req.raw.body === null) return false;
  return (await c.req.arrayBuffer()).byteLength > 0;
}

/** Bodies are a URL and a list of event names: far below the cap. */
export function bodySizeLimit(): MiddlewareHandler {
  return bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => payloadTooLargeResponse() });
}
