import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import {
  type Endpoint,
  type EndpointUpdate,
  endpointListAnswerSchema,
  endpointSchema,
} from './schemas';

export function fetchEndpoints(client: ApiClient, signal?: AbortSignal): Promise<Endpoint[]> {
  return client.request('/v1/webhook/endpoint.list', { schema: endpointListAnswerSchema, signal });
}

export function endpointsQueryOptions(client: ApiClient) {
  // Each editor has its own QueryClient and one ApiClient, so the client need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['konpro', 'endpoints'],
    queryFn: ({ signal }) => fetchEndpoints(client, signal),
  });
}

export function updateEndpoint(client: ApiClient, patch: EndpointUpdate): Promise<Endpoint> {
  return client.request('/v1/webhook/endpoint.update', {
    method: 'PATCH',
    body: patch,
    schema: endpointSchema,
  });
}

export function useUpdateEndpoint() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { queryKey } = endpointsQueryOptions(client);
  return useMutation({
    mutationKey: ['konpro', 'endpoint.update'],
    // Fail at once when offline instead of pausing: a save that fires by itself minutes later,
    // after the admin has moved on, is worse than a clear "you are offline".
    networkMode: 'always',
    // The answer goes to the screen through mutate's callbacks and into the list's cache; keeping
    // every past save (with its secret) in the mutation cache for five minutes helps no one.
    gcTime: 0,
    mutationFn: (patch: EndpointUpdate) => updateEndpoint(client, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, (list) =>
        list?.map((endpoint) => (endpoint.endpoint_id === saved.endpoint_id ? saved : endpoint)),
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
