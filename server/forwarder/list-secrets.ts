// The list page shows no secrets, and the editor shows only the one a save returns, so the
// secrets of every endpoint in `endpoint.list` stay on the server instead of in the browser's
// cache and network log.
const LIST_PATH = /\/v1\/webhook\/endpoint\.list$/;

export function withoutListSecrets(path: string, status: number, body: string): string {
  if (!LIST_PATH.test(path) || status < 200 || status >= 300) return body;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return body;
  }
  const strip = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const endpoint of list) {
      if (typeof endpoint === 'object' && endpoint !== null)
        delete (endpoint as Record<string, unknown>).secret;
    }
  };
  strip(json);
  if (typeof json === 'object' && json !== null) {
    const envelope = json as Record<string, unknown>;
    strip(envelope.data);
    strip(envelope.endpoints);
  }
  return JSON.stringify(json);
}
