import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { ApiError, isApiError } from './api-error';
import { endpointVersion } from './endpoint-version';
import {
  type Endpoint,
  type EndpointUpdate,
  endpointListAnswerSchema,
  endpointSchema,
} from './schemas';

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

/** Reads the list again now, whatever its age; rejects when the read fails. */
export function useRefreshEndpoints() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return () => queryClient.query({ ...endpointsQueryOptions(client), staleTime: 0 });
}

/** `basedOn`: the endpoint the change was decided against; the server refuses (412) if it moved. */
export function updateEndpoint(
  client: ApiClient,
  patch: EndpointUpdate,
  basedOn?: Endpoint,
): Promise<Endpoint> {
  return client.request('/v1/webhook/endpoint.update', {
    method: 'PATCH',
    body: patch,
    schema: endpointSchema,
    ifMatch: basedOn === undefined ? undefined : endpointVersion(basedOn),
  });
}

/**
 * The endpoint as the server holds it at this moment. It is read through the list query, so every
 * view of the list (another editor on the page, the list itself) learns of it too.
 */
export async function readEndpointNow(
  queryClient: QueryClient,
  client: ApiClient,
  endpointId: string,
): Promise<Endpoint> {
  const options = endpointsQueryOptions(client);
  // A list request already under way may have left before the admin pressed Save.
  await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
  const list = await queryClient.query({ ...options, staleTime: 0, retry: false });
  const endpoint = list.find((candidate) => candidate.endpoint_id === endpointId);
  if (endpoint === undefined) {
    throw new ApiError({
      kind: 'http',
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
      message: `No endpoint ${endpointId} in this account.`,
    });
  }
  return endpoint;
}

/** What to send, decided against the endpoint as the server holds it now; null sends nothing. */
export type SaveDecision<Plan> = { patch: EndpointUpdate | null; plan: Plan };

export type SaveRequest<Plan> = {
  endpointId: string;
  decide: (current: Endpoint) => SaveDecision<Plan>;
};

export type SaveOutcome<Plan> = {
  /** The endpoint as read just before writing. */
  current: Endpoint;
  plan: Plan;
  /** The server's answer to the write, or null when nothing was sent. */
  saved: Endpoint | null;
};

export const UPDATE_MUTATION_KEY = ['konpro', 'endpoint.update'] as const;

const failedReads = new WeakSet<object>();

/** Reads and writes before a save gives up on an endpoint that keeps changing (412 each time). */
const SAVE_ATTEMPTS = 3;

/** Whether a save failed while reading the endpoint, so nothing at all was sent. */
export function failedBeforeSending(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failedReads.has(error);
}

/**
 * Saves as a read and a write. Konpro's API has no version check (no ETag, no If-Match), so the
 * caller gets the endpoint as the server holds it right before the write, to decide what to send
 * without undoing what someone else saved since the form was loaded. The write carries the
 * version it was decided against; this project's server checks it inside its per-endpoint queue.
 */
export function useUpdateEndpoint<Plan>() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { queryKey } = endpointsQueryOptions(client);
  return useMutation({
    mutationKey: UPDATE_MUTATION_KEY,
    // Fail at once when offline instead of pausing: a save that fires by itself minutes later,
    // after the admin has moved on, is worse than a clear "you are offline".
    networkMode: 'always',
    // The answer goes to the screen through mutate's callbacks and into the list's cache; keeping
    // every past save (with its secret) in the mutation cache for five minutes helps no one.
    gcTime: 0,
    mutationFn: async ({ endpointId, decide }: SaveRequest<Plan>): Promise<SaveOutcome<Plan>> => {
      for (let attempt = 1; ; attempt += 1) {
        let current: Endpoint;
        try {
          current = await readEndpointNow(queryClient, client, endpointId);
        } catch (error) {
          if (typeof error === 'object' && error !== null) failedReads.add(error);
          throw error;
        }
        const { patch, plan } = decide(current);
        if (patch === null) return { current, plan, saved: null };
        try {
          return { current, plan, saved: await updateEndpoint(client, patch, current) };
        } catch (error) {
          // Another write reached the server between this read and this write, and the server
          // wrote nothing (412): read again and decide again, against that write.
          if (isApiError(error) && error.status === 412 && attempt < SAVE_ATTEMPTS) continue;
          throw error;
        }
      }
    },
    onSuccess: ({ saved }) => {
      if (saved === null) return;
      queryClient.setQueryData(queryKey, (list) =>
        list?.map((endpoint) => (endpoint.endpoint_id === saved.endpoint_id ? saved : endpoint)),
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
