// The page never needs the secrets `endpoint.list` carries (the editor asks for one at a time on
// the server's secret route), so they stay on the server. Every key whose name holds `secret`, in
// any case (`secret`, `Secret`, `signing_secret`, `SECRET_KEY`), is removed wherever it sits in a
// list answer: an upstream that renames or adds such a field must not slip one through. A
// successful endpoint list the page could not read as one is refused rather than passed on with
// secrets the removal may have missed.
import { unwrapEnvelope } from '../../contract/envelope';
import { type Endpoint, endpointListAnswerSchema } from '../../contract/schemas';

const SECRET_KEY = /secret/i;

export function withoutSecrets(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutSecrets);
  if (typeof json === 'object' && json !== null) {
    return Object.fromEntries(
      Object.entries(json)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, value]) => [key, withoutSecrets(value)]),
    );
  }
  return json;
}

/** The endpoints of a list answer in any envelope the page accepts, or null if it is not one. */
export function readEndpointList(json: unknown): Endpoint[] | null {
  const parsed = endpointListAnswerSchema.safeParse(unwrapEnvelope(json));
  return parsed.success ? parsed.data : null;
}
