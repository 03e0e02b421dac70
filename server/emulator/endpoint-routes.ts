// The webhook routes of Konpro's API, with the documented success shapes: bare endpoint objects,
// `{data: [...]}` for the list and HeyGen's `{code: 100, data}` envelope for the event catalog.
import type { Context } from 'hono';
import { errorResponse } from '../http/error-response';
import type { AccessVariables } from './access';
import type { EndpointStore } from './endpoint-store';
import { EVENT_CATALOG } from './event-catalog';
import { readJsonObject } from './json-body';
import { isoNow, newEndpointId, newSecret } from './stored-endpoint';
import type { UrlCheck } from './url-reachability';
import { type UrlRule, validateAdd, validateUpdate } from './validate-body';

type EmulatorContext = Context<{ Variables: AccessVariables }>;
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  handle: (c: EmulatorContext) => Promise<Response> | Response;
}

export function endpointRoutes(
  store: EndpointStore,
  checkUrl?: UrlCheck,
  urlRule: UrlRule = {},
): Map<string, Route> {
  const invalid = (c: EmulatorContext, field: string, reason: string) =>
    errorResponse(400, 'VALIDATION_ERROR', 'The request body is invalid', {
      requestId: c.get('requestId'),
      details: { field, reason },
    });
  // Unknown ids and other users' ids get the same answer, so ids cannot be probed.
  const notFound = (c: EmulatorContext, id: string) =>
    errorResponse(404, 'RESOURCE_NOT_FOUND', `No endpoint ${JSON.stringify(id)} for this API key`, {
      requestId: c.get('requestId'),
    });

  const update = async (c: EmulatorContext) => {
    const read = await readJsonObject(c.req.raw, c.get('requestId'));
    if (!read.ok) return read.response;
    const valid = validateUpdate(read.body, urlRule);
    if (!valid.ok) return invalid(c, valid.field, valid.reason);
    const { endpointId, changes } = valid.value;
    const updated = await store.update(c.get('username'), endpointId, changes);
    return updated ? c.json(updated) : notFound(c, endpointId);
  };

  const add = async (c: EmulatorContext) => {
    const read = await readJsonObject(c.req.raw, c.get('requestId'));
    if (!read.ok) return read.response;
    const valid = validateAdd(read.body, urlRule);
    if (!valid.ok) return invalid(c, valid.field, valid.reason);
    if (checkUrl && !(await checkUrl(valid.value.url))) {
      return invalid(c, 'url', 'The URL did not answer an OPTIONS request within 1 second');
    }
    const added = await store.add({
      endpoint_id: newEndpointId(),
      url: valid.value.url,
      secret: newSecret(),
      status: 'enabled',
      events: valid.value.events,
      username: c.get('username'),
      created_at: isoNow(),
      ...(valid.value.entityId === undefined ? {} : { entity_id: valid.value.entityId }),
    });
    return c.json(added);
  };

  const remove = async (c: EmulatorContext) => {
    const id = c.req.query('endpoint_id') ?? (await endpointIdInBody(c));
    if (id === '') {
      return errorResponse(400, 'VALIDATION_ERROR', 'The request is invalid', {
        requestId: c.get('requestId'),
        details: {
          field: 'endpoint_id',
          reason: 'endpoint_id is required, as a query parameter or in a JSON body',
        },
      });
    }
    const removed = await store.remove(c.get('username'), id);
    if (!removed) return notFound(c, id);
    return c.json({
      endpoint_id: removed.endpoint_id,
      status: 'deleted',
      message: 'Webhook endpoint deleted',
      deleted_at: isoNow(),
    });
  };

  // HeyGen's clients send the id of a delete in a JSON body; Konpro's docs put it in the query.
  const endpointIdInBody = async (c: EmulatorContext): Promise<string> => {
    if (!c.req.raw.body) return '';
    const read = await readJsonObject(c.req.raw, c.get('requestId'));
    const id = read.ok ? read.body.endpoint_id : undefined;
    return typeof id === 'string' ? id : '';
  };

  return new Map<string, Route>([
    ['endpoint.update', { method: 'PATCH', handle: update }],
    ['endpoint.add', { method: 'POST', handle: add }],
    [
      'endpoint.list',
      { method: 'GET', handle: (c) => c.json({ data: store.list(c.get('username')) }) },
    ],
    ['endpoint.delete', { method: 'DELETE', handle: remove }],
    [
      'webhook.list',
      {
        method: 'GET',
        handle: (c) => c.json({ code: 100, data: EVENT_CATALOG, msg: null, message: null }),
      },
    ],
  ]);
}
