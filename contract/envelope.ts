// Konpro answers with a bare object, `{data: X}`, or HeyGen's `{code: 100, data: X, message}`. The
// page unwraps all three, and the server reads list answers the same way to keep their secrets home.

/**
 * Only an object whose keys are all envelope keys is unwrapped, so an endpoint that happens to
 * have a `data` field is left alone. HeyGen's success code is 100: an envelope with any other code
 * is a failure, even with a 2xx status, and stays wrapped, so its `data: null` is never read as an
 * answer (a delete's `{code: 100, data: null}` is one).
 */
export function unwrapEnvelope(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const keys = Object.keys(json);
  const envelopeKeys = new Set(['data', 'code', 'msg', 'message', 'request_id']);
  if (!keys.includes('data') || !keys.every((key) => envelopeKeys.has(key))) return json;
  const { code, data } = json as { code?: unknown; data: unknown };
  return code === undefined || code === 100 || code === '100' ? data : json;
}
