// Request bodies are read with a hard cap so a client cannot make the server buffer an unbounded
// upload; Konpro's requests are a URL and a list of event names, far below the cap.
import { errorResponse } from './error-response';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead =
  { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'too-large' };

export async function readBodyLimited(
  request: Request,
  limit: number = MAX_BODY_BYTES,
): Promise<BodyRead> {
  // A declared length over the cap is refused before a byte is read.
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export function payloadTooLargeResponse(requestId?: string): Response {
  return errorResponse(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`,
    { requestId },
  );
}
