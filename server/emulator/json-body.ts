// Reads a JSON object body the way a strict API does: 413 past the size cap, 415 for another media
// type, 400 for malformed JSON or a body that is not an object.
import { errorResponse } from '../http/error-response';
import { JSON_TYPE } from '../http/json-type';
import { payloadTooLargeResponse, readBodyLimited } from '../http/read-body';

export type JsonBody =
  { ok: true; body: Record<string, unknown> } | { ok: false; response: Response };

export async function readJsonObject(request: Request, requestId: string): Promise<JsonBody> {
  const fail = (status: number, code: string, message: string): JsonBody => ({
    ok: false,
    response: errorResponse(status, code, message, { requestId }),
  });
  const read = await readBodyLimited(request);
  if (!read.ok) return { ok: false, response: payloadTooLargeResponse(requestId) };
  const text = new TextDecoder().decode(read.bytes);
  if (text.trim() === '') {
    return fail(400, 'VALIDATION_ERROR', 'The request body must be a JSON object');
  }
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return fail(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (content-type: application/json)',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, 'VALIDATION_ERROR', 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(400, 'VALIDATION_ERROR', 'The request body must be a JSON object');
  }
  return { ok: true, body: body as Record<string, unknown> };
}
