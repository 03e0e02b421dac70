import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { eventTypeListSchema } from '../../contract/schemas';

export function fetchEventTypes(client: ApiClient, signal?: AbortSignal): Promise<string[]> {
  return client.request('/v1/webhook/webhook.list', { schema: eventTypeListSchema, signal });
}

export function eventTypesQueryOptions(client: ApiClient) {
  // Each editor has its own QueryClient and one ApiClient, so the client need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['konpro', 'event-types'],
    queryFn: ({ signal }) => fetchEventTypes(client, signal),
    // The catalog changes when Konpro ships a feature, not while an admin edits.
    staleTime: 10 * 60_000,
  });
}
