// Reading the list: what every view needs. Writes live in endpoint-writes.ts, which only the
// editor's chunk loads.
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { type Endpoint, endpointListAnswerSchema } from '../../contract/schemas';

export function fetchEndpoints(client: ApiClient, signal?: AbortSignal): Promise<Endpoint[]> {
  return client.request('/v1/webhook/endpoint.list', { schema: endpointListAnswerSchema, signal });
}

/** For code that refreshes the list without an ApiClient at hand, e.g. on another tab's save. */
export const ENDPOINTS_QUERY_KEY = ['konpro', 'endpoints'] as const;

export function endpointsQueryOptions(client: ApiClient) {
  // Editors share a QueryClient only when they share a backend, so the client need not be in the
  // key: any of their ApiClients reads the same list.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ENDPOINTS_QUERY_KEY,
    queryFn: ({ signal }) => fetchEndpoints(client, signal),
  });
}

/**
 * One endpoint's history (endpoint-history.ts). Its key is here, in the page's first chunk, where
 * both the editor's writes (which have it read again) and the history's own chunk find it.
 */
export const endpointHistoryKey = (endpointId: string) =>
  ['konpro', 'endpoint.history', endpointId] as const;

/** The writes, by key: other tabs hear of each that succeeds (see cross-tab-sync.ts). */
export const UPDATE_MUTATION_KEY = ['konpro', 'endpoint.update'] as const;
export const CREATE_MUTATION_KEY = ['konpro', 'endpoint.add'] as const;
export const DELETE_MUTATION_KEY = ['konpro', 'endpoint.delete'] as const;
