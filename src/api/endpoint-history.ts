// One endpoint's change history, as the server recorded it (`endpoint.history`). Only the
// history's own chunk loads this module; its key is in endpoints.ts, for the editor's writes.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { type HistoryEntry, historyEntriesSchema } from '../../contract/history';
import { endpointHistoryKey } from './endpoints';

export function fetchEndpointHistory(
  client: ApiClient,
  endpointId: string,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  return client.request(
    `/v1/webhook/endpoint.history?endpoint_id=${encodeURIComponent(endpointId)}`,
    { schema: historyEntriesSchema, signal },
  );
}

export function endpointHistoryQueryOptions(client: ApiClient, endpointId: string) {
  // One QueryClient talks to one backend, so the client need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: endpointHistoryKey(endpointId),
    queryFn: ({ signal }) => fetchEndpointHistory(client, endpointId, signal),
  });
}

export function useEndpointHistory(endpointId: string) {
  const client = useApiClient();
  return useQuery(endpointHistoryQueryOptions(client, endpointId));
}
