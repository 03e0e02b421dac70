// The only calls the server spends its Konpro key on. The table is data: the forwarder builds the
// upstream URL from the matched entry (never from what the browser typed), and the audit log reads
// the same entries to know which calls are writes.

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: Method;
  /** The path below the API's base path (`/api`), spelled exactly; also the upstream path. */
  path: string;
  /** What the audit log calls it. */
  action: string;
  /** Query parameters the route requires, each once; the upstream call carries these only. */
  query: readonly string[];
  /**
   * Query parameters it may take besides, each at most once and never empty; no other is
   * accepted. Only a route this server answers itself (`own`) has any (routes.test.ts).
   */
  optionalQuery?: readonly string[];
  /** Writes and secret reveals leave an audit line. */
  audit: boolean;
  /** Where the endpoint it acts on is named; writes to one endpoint run one at a time. */
  endpointIdIn?: 'body' | 'query';
  /**
   * List answers may carry secrets (endpoint.list carries every endpoint's); the page never needs
   * them. An endpoint list must also read as one, or it is refused (server/forwarder/pass-back.ts).
   */
  stripSecrets: boolean;
  /**
   * May be compressed on the fly: only answers that never hold a secret beside text a user typed
   * (BREACH; see server/http/compression.ts).
   */
  compress?: boolean;
  /**
   * Answered by this server (the secret from the list, the history from its store, the URL check
   * by connecting to the URL itself), not forwarded.
   */
  own?: 'secret' | 'history' | 'check';
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/webhook/endpoint.list',
    action: 'endpoint.list',
    query: [],
    audit: false,
    stripSecrets: true,
    compress: true,
  },
  {
    method: 'GET',
    path: '/v1/webhook/webhook.list',
    action: 'webhook.list',
    query: [],
    audit: false,
    stripSecrets: true,
    compress: true,
  },
  {
    method: 'PATCH',
    path: '/v1/webhook/endpoint.update',
    action: 'endpoint.update',
    query: [],
    audit: true,
    endpointIdIn: 'body',
    stripSecrets: false,
  },
  {
    method: 'POST',
    path: '/v1/webhook/endpoint.add',
    action: 'endpoint.add',
    query: [],
    audit: true,
    stripSecrets: false,
  },
  {
    method: 'DELETE',
    path: '/v1/webhook/endpoint.delete',
    action: 'endpoint.delete',
    query: ['endpoint_id'],
    audit: true,
    endpointIdIn: 'query',
    stripSecrets: false,
  },
  {
    method: 'GET',
    path: '/v1/webhook/endpoint.secret',
    action: 'endpoint.secret',
    query: ['endpoint_id'],
    audit: true,
    endpointIdIn: 'query',
    stripSecrets: false,
    own: 'secret',
  },
  {
    method: 'GET',
    path: '/v1/webhook/endpoint.history',
    action: 'endpoint.history',
    query: ['endpoint_id'],
    // How many of the newest entries: the page asks for what it shows, not all it could.
    optionalQuery: ['limit'],
    audit: false,
    stripSecrets: false,
    own: 'history',
  },
  {
    method: 'POST',
    path: '/v1/webhook/endpoint.check',
    action: 'endpoint.check',
    query: [],
    // Each check makes this server connect where an admin said: the line names the host.
    audit: true,
    stripSecrets: false,
    own: 'check',
  },
];

export type RouteMatch =
  | { ok: true; route: ApiRoute; params: Record<string, string> }
  | { ok: false; status: 400 | 404 | 405; message: string; allow?: string };

const MAX_PARAM_LENGTH = 256;

/**
 * Matches the request target exactly as the client sent it (path and query, before any decoding or
 * dot-segment folding), so `%2e`, `..`, `//` or a trailing slash never reach a route by another name.
 */
export function matchRoute(method: string, rawTarget: string, basePath = '/api'): RouteMatch {
  const queryAt = rawTarget.indexOf('?');
  const rawPath = queryAt === -1 ? rawTarget : rawTarget.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : rawTarget.slice(queryAt + 1);
  if (!rawPath.startsWith(`${basePath}/`)) return notFound(rawPath);
  const path = rawPath.slice(basePath.length);
  const candidates = API_ROUTES.filter((route) => route.path === path);
  if (candidates.length === 0) return notFound(rawPath);
  const route = candidates.find((candidate) => candidate.method === method);
  if (!route) {
    const allow = candidates.map((candidate) => candidate.method).join(', ');
    return { ok: false, status: 405, message: `Use ${allow} for this route`, allow };
  }
  const params = matchQuery(route, rawQuery);
  if (typeof params === 'string') return { ok: false, status: 400, message: params };
  return { ok: true, route, params };
}

function matchQuery(route: ApiRoute, rawQuery: string): Record<string, string> | string {
  const params: Record<string, string> = {};
  const seen = new URLSearchParams(rawQuery);
  const optional = route.optionalQuery ?? [];
  const accepted = [...route.query, ...optional];
  for (const name of new Set(seen.keys())) {
    if (!accepted.includes(name)) {
      return accepted.length === 0
        ? 'This route takes no query parameters'
        : `This route takes only ${accepted.join(' and ')} ${accepted.length === 1 ? 'as a query parameter' : 'as query parameters'}`;
    }
    if (seen.getAll(name).length > 1) return `${name} must be given once`;
  }
  for (const name of accepted) {
    const value = seen.get(name);
    if (optional.includes(name)) {
      if (value === null) continue;
      if (value === '') return `${name} must not be empty`;
    }
    if (!value) return `${name} is required as a query parameter`;
    if (value.length > MAX_PARAM_LENGTH) return `${name} is too long`;
    params[name] = value;
  }
  return params;
}

function notFound(rawPath: string): RouteMatch {
  return {
    ok: false,
    status: 404,
    message: `No such API route: ${encodeURI(safeDecode(rawPath))}`,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
