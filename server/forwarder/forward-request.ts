// The backend-for-frontend: a matched route of the table goes to Konpro with the server's key. The
// upstream URL is built from the table entry and the parsed query, never from the browser's path,
// and nothing the browser sends besides the JSON body reaches Konpro: no cookie, no key of its own.
// Everything one request does upstream (its wait in the endpoint's queue, the version check, the
// write) fits in one deadline (deadline.ts).
import { endpointVersion } from '../../contract/endpoint-version';
import { errorResponse } from '../http/error-response';
import { Deadline } from './deadline';
import { ABANDONED, EndpointQueue } from '../store/endpoint-queue';
import type { EndpointLock } from '../store/store';
import { readEndpointList } from './list-secrets';
import { changesNothing, namesAField, requestedChange } from './no-op-update';
import { passBack } from './pass-back';
import { API_ROUTES, type ApiRoute } from '../../contract/routes';
import type { Endpoint } from '../../contract/schemas';
import { createUpstreamCall, stopped, type UpstreamOptions } from './upstream-call';

export type { Upstream } from './upstream-call';
export interface ForwarderOptions extends UpstreamOptions {
  /** Writes to one endpoint one at a time; across copies when the store is shared. */
  lock?: EndpointLock | undefined;
}

export interface ForwardRequest {
  route: ApiRoute;
  params: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
  /** The `If-Match` the page sent: the version of the endpoint its change was merged onto. */
  ifMatch?: string | undefined;
  /** Aborts when the client goes away (the incoming `Request.signal`): a waiting write is dropped. */
  signal?: AbortSignal | undefined;
  /**
   * Called before anything is sent for a call that reveals a secret and changes nothing: the
   * secret route, or an update that changes nothing (no-op-update.ts). A response refuses it.
   */
  onSecretRead?: (() => Response | null) | undefined;
  /** The endpoint as stored, when an update read it before writing (the history's "from"). */
  onCurrent?: ((endpoint: Endpoint) => void) | undefined;
}

const LIST_ROUTE = API_ROUTES.find((route) => route.action === 'endpoint.list') as ApiRoute;

export function createForwarder(options: ForwarderOptions) {
  const call = createUpstreamCall(options);
  const queue: EndpointLock = options.lock ?? new EndpointQueue();

  const readList = async (deadline: Deadline) => {
    const answer = await call({ method: 'GET', target: LIST_ROUTE.path }, deadline);
    if (!answer.ok) return { response: answer.response };
    const list = readEndpointList(answer.json);
    if (answer.status >= 300 || list === null) {
      return { response: passBack(LIST_ROUTE, answer, options.apiKey) };
    }
    return { list };
  };

  const secretOf = async (endpointId: string, deadline: Deadline): Promise<Response> => {
    const { list, response } = await readList(deadline);
    if (!list) return response;
    const endpoint = list.find((item) => item.endpoint_id === endpointId);
    if (!endpoint) return notFound(endpointId);
    if (endpoint.secret === undefined) {
      return errorResponse(
        502,
        'UPSTREAM_NO_SECRET',
        "Konpro's endpoint list did not include this endpoint's secret",
      );
    }
    return Response.json(
      { endpoint_id: endpoint.endpoint_id, secret: endpoint.secret },
      { headers: { 'cache-control': 'no-store' } },
    );
  };

  /**
   * An update's turn: the endpoint as stored, read when the update has a version to check or
   * fields to compare; a 412 when it changed since the version the page merged onto, a refused
   * secret read, or null to go ahead.
   */
  const checkUpdate = async (
    endpointId: string,
    { body, ifMatch, onSecretRead, onCurrent }: ForwardRequest,
    deadline: Deadline,
  ): Promise<Response | null> => {
    const change = requestedChange(body);
    let current: Endpoint | undefined;
    if (ifMatch !== undefined || (change && namesAField(change))) {
      const { list, response } = await readList(deadline);
      if (!list) return response;
      current = list.find((item) => item.endpoint_id === endpointId);
      if (current) onCurrent?.(current);
    }
    if (current && ifMatch !== undefined && endpointVersion(current) !== ifMatch) {
      return preconditionFailed(current);
    }
    return change && changesNothing(change, current) ? (onSecretRead?.() ?? null) : null;
  };

  const forward = async (request: ForwardRequest, deadline: Deadline): Promise<Response> => {
    const { route, params, body } = request;
    if (route.own === 'secret') {
      return request.onSecretRead?.() ?? secretOf(params.endpoint_id ?? '', deadline);
    }
    const endpointId = endpointIdOf(route, params, body);
    // Konpro hears only the parameters its route requires: an optional one is this server's own.
    const upstream = route.query.map((name): [string, string] => [name, params[name] ?? '']);
    const query = upstream.length > 0 ? `?${new URLSearchParams(upstream).toString()}` : '';
    const send = async () => {
      // The client gave up, or the time ran out, while this write waited or was checked.
      if (!deadline.mayStartWrite()) return stopped(deadline, true);
      if (route.action === 'endpoint.update' && endpointId !== undefined) {
        const refused = await checkUpdate(endpointId, request, deadline);
        if (refused) return refused;
        if (!deadline.mayStartWrite()) return stopped(deadline, true);
      }
      const answer = await call(
        {
          method: route.method,
          target: route.path + query,
          body,
          headers: {
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
        },
        deadline,
        // A read nobody waits for stops; a write once sent is waited for (upstream-call.ts).
        route.method === 'GET' ? deadline.abandoned : deadline.expired,
      );
      return answer.ok ? passBack(route, answer, options.apiKey) : answer.response;
    };
    if (endpointId === undefined) return send();
    const result = await queue.run(endpointId, send, deadline.abandoned);
    return result === ABANDONED ? stopped(deadline, true) : result;
  };

  return async (request: ForwardRequest): Promise<Response> => {
    const deadline = new Deadline(options.timeoutMs, request.signal);
    try {
      return await forward(request, deadline);
    } finally {
      deadline.clear();
    }
  };
}

function preconditionFailed(current: Endpoint): Response {
  return Response.json(
    {
      error: {
        code: 'PRECONDITION_FAILED',
        message: 'The endpoint was changed elsewhere since this change was prepared',
      },
      current: { endpoint_id: current.endpoint_id, url: current.url, events: current.events },
    },
    { status: 412, headers: { etag: endpointVersion(current) } },
  );
}

function endpointIdOf(
  route: ApiRoute,
  params: Record<string, string>,
  body: Uint8Array | undefined,
): string | undefined {
  if (route.endpointIdIn === 'query') return params.endpoint_id;
  if (route.endpointIdIn !== 'body' || !body) return undefined;
  try {
    const json = JSON.parse(new TextDecoder().decode(body)) as unknown;
    const id = (json as { endpoint_id?: unknown } | null)?.endpoint_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function notFound(endpointId: string): Response {
  return errorResponse(
    404,
    'RESOURCE_NOT_FOUND',
    `No endpoint ${JSON.stringify(endpointId)} for this API key`,
  );
}
