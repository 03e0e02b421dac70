// The server's own check of a webhook URL (`POST endpoint.check`): its TLS, and a test delivery of
// one event type. A portal's backend may not offer the route: its 404 hides the check for that
// backend, rather than failing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { isApiError } from './api-error';
import {
  type UrlCheckAnswer,
  type UrlCheckRequest,
  urlCheckAnswerSchema,
} from '../../contract/url-check';

export function checkEndpointUrl(
  client: ApiClient,
  body: UrlCheckRequest,
): Promise<UrlCheckAnswer> {
  return client.request('/v1/webhook/endpoint.check', {
    method: 'POST',
    body,
    schema: urlCheckAnswerSchema,
  });
}

/** The backend has no check route (a portal's backend may not): its 404, not a failed check. */
export function isCheckMissing(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 404;
}

/** Editors share a QueryClient only when they share a backend: one answer for all of them. */
const OFFERED_KEY = ['konpro', 'endpoint.check', 'offered'] as const;

/** Whether the backend offers the check: true until it has answered 404 to one. */
export function useCheckOffered(): boolean {
  return useQuery({
    queryKey: OFFERED_KEY,
    queryFn: () => true,
    initialData: true,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
}

export function useCheckEndpoint() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['konpro', 'endpoint.check'],
    // A check that waits for the network and fires later would answer a question no longer asked.
    networkMode: 'always',
    mutationFn: (body: UrlCheckRequest) => checkEndpointUrl(client, body),
    onError: (error) => {
      if (isCheckMissing(error)) queryClient.setQueryData(OFFERED_KEY, false);
    },
  });
}
