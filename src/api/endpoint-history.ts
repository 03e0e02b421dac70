// One endpoint's change history, as the server recorded it (`endpoint.history`). Only the
// history's own chunk loads this module; its key is in endpoints.ts, for the editor's writes.
import { queryOptions, replaceEqualDeep, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { HISTORY_LIMIT, type HistoryEntry, historyEntriesSchema } from '../../contract/history';
import { endpointHistoryKey } from './endpoints';

/** The newest `limit` entries of the endpoint's history, newest first. */
export function fetchEndpointHistory(
  client: ApiClient,
  endpointId: string,
  limit: number,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  return client.request(
    `/v1/webhook/endpoint.history?endpoint_id=${encodeURIComponent(endpointId)}&limit=${limit}`,
    { schema: historyEntriesSchema, signal },
  );
}

/** An entry is a record that never changes once written: this names it among the others. */
export const historyEntryKey = ({ at, request_id, action }: HistoryEntry) =>
  `${at}/${request_id}/${action}`;

/**
 * The entries read before keep their objects when the history is read again: the page renders
 * again only the new ones, and the cache holds each entry once. (By default the cache compares
 * the arrays place by place, and a newer entry on top moves every other one.)
 */
export function keepReadEntries(previous: unknown, next: unknown): unknown {
  if (!Array.isArray(previous) || !Array.isArray(next)) return replaceEqualDeep(previous, next);
  const read = new Map(
    (previous as HistoryEntry[]).map((entry) => [historyEntryKey(entry), entry]),
  );
  const kept = (next as HistoryEntry[]).map((entry) =>
    replaceEqualDeep(read.get(historyEntryKey(entry)), entry),
  );
  return kept.length === previous.length && kept.every((entry, at) => entry === previous[at])
    ? previous
    : kept;
}

/**
 * The newest `limit` entries. Each save reads them again, so the page asks for what it shows (and
 * one more, to know whether there are more), not for all the server keeps.
 */
export function endpointHistoryQueryOptions(client: ApiClient, endpointId: string, limit: number) {
  // One QueryClient talks to one backend, so the client need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: [...endpointHistoryKey(endpointId), limit],
    queryFn: ({ signal }) => fetchEndpointHistory(client, endpointId, limit, signal),
    structuralSharing: keepReadEntries,
    // Show more reads the next entries, then shows them: that read is not made again on showing.
    staleTime: 5_000,
  });
}

/** The `limit` that shows `shown` entries and says whether there are more. */
export const historyLimit = (shown: number) => Math.min(shown + 1, HISTORY_LIMIT);

/**
 * The newest `shown` entries (and one more), and `readMore(count)`, which reads the newest `count`
 * and resolves once they are here to be shown.
 */
export function useEndpointHistory(endpointId: string, shown: number) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const history = useQuery(endpointHistoryQueryOptions(client, endpointId, historyLimit(shown)));
  const readMore = (more: number) =>
    queryClient.query(endpointHistoryQueryOptions(client, endpointId, historyLimit(more)));
  return { history, readMore };
}
