// The change history: every add, update, delete and secret reveal through the editor's API, with
// who, when, the request id and what changed (URL from/to, events added/removed), never a secret or
// a key. Recorded when the answer is known; served by the route endpoint.history. Changes made
// outside this API cannot be seen as changes, but a save that found the endpoint changed elsewhere
// (412) is recorded as such.
import type { MiddlewareHandler } from 'hono';
import { unwrapEnvelope } from '../../contract/envelope';
import { type Endpoint, endpointSchema } from '../../contract/schemas';
import type { ApiCall } from '../http/api-call';
import { errorResponse } from '../http/error-response';
import {
  HISTORY_LIMIT,
  type HistoryAction,
  type HistoryChanges,
  type HistoryLog,
} from '../store/store';

/** Konpro's empty list means every event; the history says `all`. */
const ALL = 'all';

export function recordHistory(history: HistoryLog, log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const call = c.var.apiCall;
    const actor = c.var.actor;
    // A URL check changes no endpoint: the audit line records it, the history does not.
    if (!call?.route.audit || call.route.own === 'check' || actor === undefined) return;
    const action = (call.secretRead ? 'endpoint.secret' : call.route.action) as HistoryAction;
    const status = c.res.status;
    const changedElsewhere = action === 'endpoint.update' && status === 412;
    if (!c.res.ok && !changedElsewhere) return;
    const endpointId = endpointIdOf(call) ?? (await answered(c.res))?.endpoint_id;
    if (endpointId === undefined) return;
    const changes = changedElsewhere
      ? { changed_elsewhere: true as const }
      : await changesOf(action, call, c.res);
    try {
      await history.record({
        endpoint_id: endpointId,
        at: new Date().toISOString(),
        actor,
        action,
        request_id: c.var.requestId,
        changes,
      });
    } catch (error) {
      // The change reached Konpro; the admin hears of it. Only the record of it is missing.
      log(`history entry not recorded for ${action} (${c.var.requestId}): ${String(error)}`);
    }
  };
}

async function changesOf(
  action: HistoryAction,
  call: ApiCall,
  response: Response,
): Promise<HistoryChanges> {
  if (action === 'endpoint.delete' || action === 'endpoint.secret') return {};
  const after = await answered(response);
  if (!after) return {};
  if (action === 'endpoint.add') {
    return { url: { from: null, to: after.url }, events_added: named(after.events) };
  }
  const before = call.before;
  const changes: HistoryChanges = {};
  if (before && before.url !== after.url) changes.url = { from: before.url, to: after.url };
  if (before) {
    const was = new Set(named(before.events));
    const is = new Set(named(after.events));
    const added = [...is].filter((event) => !was.has(event));
    const removed = [...was].filter((event) => !is.has(event));
    if (added.length > 0) changes.events_added = added;
    if (removed.length > 0) changes.events_removed = removed;
  }
  return changes;
}

const named = (events: readonly string[]) => (events.length === 0 ? [ALL] : [...events]);

function endpointIdOf(call: ApiCall): string | undefined {
  if (call.route.endpointIdIn === 'query') return call.params.endpoint_id;
  if (!call.body) return undefined;
  try {
    const id = (JSON.parse(new TextDecoder().decode(call.body)) as { endpoint_id?: unknown } | null)
      ?.endpoint_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

async function answered(response: Response): Promise<Endpoint | undefined> {
  try {
    const parsed = endpointSchema.safeParse(unwrapEnvelope(await response.clone().json()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET endpoint.history?endpoint_id=ID[&limit=N]`: `{ data: [...] }`, the newest N entries (all
 * that are kept, up to 500, without a limit), newest first.
 */
export async function serveHistory(
  history: HistoryLog | undefined,
  endpointId: string,
  limit: string | undefined,
): Promise<Response> {
  if (!history) return errorResponse(404, 'NOT_FOUND', 'This server keeps no change history');
  if (limit !== undefined && (!/^[1-9][0-9]{0,2}$/.test(limit) || Number(limit) > HISTORY_LIMIT)) {
    return errorResponse(
      400,
      'VALIDATION_ERROR',
      `limit must be a whole number from 1 to ${HISTORY_LIMIT}`,
    );
  }
  const entries = await history.list(
    endpointId,
    limit === undefined ? HISTORY_LIMIT : Number(limit),
  );
  return Response.json(
    {
      data: entries.map(({ at, actor, action, request_id, changes }) => ({
        at,
        actor,
        action,
        request_id,
        changes,
      })),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
