// The backend-for-frontend: a matched route of the table goes to Konpro with the server's key. The
// upstream URL is built from the table entry and the parsed query, never from the browser's path,
// and nothing the browser sends besides the JSON body reaches Konpro: no cookie, no key of its own.
import { endpointVersion } from '../../src/api/endpoint-version';
import { errorResponse } from '../http/error-response';
import { EndpointQueue } from './endpoint-queue';
import { readEndpointList } from './list-secrets';
import { passBack } from './pass-back';
import { API_ROUTES, type ApiRoute } from './routes';
import { createUpstreamCall, type UpstreamOptions } from './upstream-call';

export type { Upstream } from './upstream-call';
export type ForwarderOptions = UpstreamOptions;

export interface ForwardRequest {
  route: ApiRoute;
  params: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | undefined;
  /** The `If-Match` the page sent: the version of the endpoint its change was merged onto. */
  ifMatch?: string | undefined;
}

const LIST_ROUTE = API_ROUTES.find((route) => route.action === 'endpoint.list') as ApiRoute;

export function createForwarder(options: ForwarderOptions) {
  const call = createUpstreamCall(options);
  const queue = new EndpointQueue();

  const readList = async () => {
    const answer = await call({ method: 'GET', target: LIST_ROUTE.path });
    if (!answer.ok) return { response: answer.response };
    const list = readEndpointList(answer.json);
    if (answer.status >= 300 || list === null) {
      return { response: passBack(LIST_ROUTE, answer, options.apiKey) };
    }
    return { list };
  };

  const secretOf = async (endpointId: string): Promise<Response> => {
    const { list, response } = await readList();
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
  const checkVersion = async (endpointId: string, ifMatch: string) => {
    const { list, response } = await readList();
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

  return async ({ route, params, body, ifMatch }: ForwardRequest): Promise<Response> => {
    if (route.own === 'secret') return secretOf(params.endpoint_id ?? '');
    const endpointId = endpointIdOf(route, params, body);
    const query = route.query.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    const send = async () => {
      if (ifMatch !== undefined && endpointId !== undefined) {
        const refused = await checkVersion(endpointId, ifMatch);
        if (refused) return refused;
      }
      const answer = await call({
        method: route.method,
        target: route.path + query,
        body,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      });
      return answer.ok ? passBack(route, answer, options.apiKey) : answer.response;
    };
    return endpointId === undefined ? send() : queue.run(endpointId, send);
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
