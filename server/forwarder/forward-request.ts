// The backend-for-frontend: a matched route of the table goes to Konpro with the server's key. The
// upstream URL is built from the table entry and the parsed query, never from the browser's path,
// and nothing the browser sends besides the JSON body reaches Konpro: no cookie, no key of its own.
// Everything one request does upstream (its wait in the endpoint's queue, the version check, the
// write) fits in one deadline (deadline.ts).
import { endpointVersion } from '../../src/api/endpoint-version';
import { errorResponse } from '../http/error-response';
import { Deadline } from './deadline';
import { ABANDONED, EndpointQueue } from './endpoint-queue';
import { readEndpointList } from './list-secrets';
import { passBack } from './pass-back';
import { API_ROUTES, type ApiRoute } from './routes';
import { createUpstreamCall, stopped, type UpstreamOptions } from './upstream-call';

export type { Upstream } from './upstream-call';
export type ForwarderOptions = UpstreamOptions;

export interface ForwardRequest {
  route: ApiRoute;
  params: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
  /** The `If-Match` the page sent: the version of the endpoint its change was merged onto. */
  ifMatch?: string | undefined;
  /** Aborts when the client goes away (the incoming `Request.signal`): a waiting write is dropped. */
  signal?: AbortSignal | undefined;
}

const LIST_ROUTE = API_ROUTES.find((route) => route.action === 'endpoint.list') as ApiRoute;

export function createForwarder(options: ForwarderOptions) {
  const call = createUpstreamCall(options);
  const queue = new EndpointQueue();

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

  /** 412 when the endpoint changed since the version the page merged onto; null to go ahead. */
  const checkVersion = async (endpointId: string, ifMatch: string, deadline: Deadline) => {
    const { list, response } = await readList(deadline);
    if (!list) return response;
    const current = list.find((item) => item.endpoint_id === endpointId);
    if (!current || endpointVersion(current) === ifMatch) return null;
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
  };

  const forward = async (
    { route, params, body, ifMatch }: ForwardRequest,
    deadline: Deadline,
  ): Promise<Response> => {
    if (route.own === 'secret') return secretOf(params.endpoint_id ?? '', deadline);
    const endpointId = endpointIdOf(route, params, body);
    const query = route.query.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    const send = async () => {
      // The client gave up, or the time ran out, while this write waited or was checked.
      if (!deadline.mayStartWrite()) return stopped(deadline, true);
      if (ifMatch !== undefined && endpointId !== undefined) {
        const refused = await checkVersion(endpointId, ifMatch, deadline);
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
