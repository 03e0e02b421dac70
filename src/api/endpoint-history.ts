// One endpoint's change history, as the server recorded it (`endpoint.history`). Only the
// history's own chunk loads this module; its key is in endpoints.ts, for the editor's writes.
import { keepPreviousData, queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { type HistoryEntry, historyEntriesSchema } from '../../contract/history';
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
 * one more, to know whether there are more), not for all the server keeps. While a larger `limit`
 * is read, the entries of the smaller one stay on screen.
 */
export function endpointHistoryQueryOptions(client: ApiClient, endpointId: string, limit: number) {
  // One QueryClient talks to one backend, so the client need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: [...endpointHistoryKey(endpointId), limit],
    queryFn: ({ signal }) => fetchEndpointHistory(client, endpointId, limit, signal),
    structuralSharing: keepReadEntries,
    // The editor is mounted anew for another endpoint: what it keeps is this endpoint's.
    placeholderData: keepPreviousData,
  });
}

export function useEndpointHistory(endpointId: string, limit: number) {
  const client = useApiClient();
  return useQuery(endpointHistoryQueryOptions(client, endpointId, limit));
}
