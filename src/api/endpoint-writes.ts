// Everything that changes an endpoint (update, add, delete) and the secret on demand. Only the
// editor's chunk loads this module, so the list page does not carry it.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-client-context';
import { ApiError, isApiError, isEditorServerError } from './api-error';
import { endpointVersion } from '../../contract/endpoint-version';
import {
  CREATE_MUTATION_KEY,
  DELETE_MUTATION_KEY,
  UPDATE_MUTATION_KEY,
  endpointHistoryKey,
  endpointsQueryOptions,
} from './endpoints';
import {
  type Endpoint,
  type EndpointUpdate,
  endpointSchema,
  withoutSecret,
} from '../../contract/schemas';
import { endpointDeleteAnswerSchema, endpointSecretSchema } from '../../contract/answers';

/**
 * Has an endpoint's history read again after a write or a reveal, which the server records. Not
 * awaited: what the write shows need not wait for the history.
 */
export function refreshHistory(queryClient: QueryClient, endpointId: string): void {
  void queryClient.invalidateQueries({ queryKey: endpointHistoryKey(endpointId) });
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
      // The list never holds a secret: the answer's copy stays with the view that saved.
      const listed = withoutSecret(saved);
      queryClient.setQueryData(queryKey, (list) =>
        list?.map((endpoint) => (endpoint.endpoint_id === saved.endpoint_id ? listed : endpoint)),
      );
      return queryClient.invalidateQueries({ queryKey });
    },
    // Also after a failure: a write whose answer was lost may still have been made and recorded.
    onSettled: (_outcome, _error, { endpointId }) => refreshHistory(queryClient, endpointId),
  });
}

export type NewEndpoint = { url: string; events: string[] | null };

/** Konpro answers with the new endpoint, its signing secret included. */
export function createEndpoint(client: ApiClient, body: NewEndpoint): Promise<Endpoint> {
  return client.request('/v1/webhook/endpoint.add', {
    method: 'POST',
    body,
    schema: endpointSchema,
  });
}

export type DeleteOutcome = { endpointId: string; alreadyGone: boolean };

/** Deleting an endpoint that is already gone (404) is what was asked for: it counts as done. */
export async function deleteEndpoint(
  client: ApiClient,
  endpointId: string,
): Promise<DeleteOutcome> {
  try {
    await client.request(
      `/v1/webhook/endpoint.delete?endpoint_id=${encodeURIComponent(endpointId)}`,
      {
        method: 'DELETE',
        schema: endpointDeleteAnswerSchema,
      },
    );
    return { endpointId, alreadyGone: false };
  } catch (error) {
    if (isApiError(error) && error.status === 404 && error.kind === 'http') {
      return { endpointId, alreadyGone: true };
    }
    throw error;
  }
}

/**
 * One endpoint's signing secret, from the server's own route. Never cached: the caller holds it
 * only as long as its view.
 */
export async function fetchSecret(client: ApiClient, endpointId: string): Promise<string> {
  const answer = await client.request(
    `/v1/webhook/endpoint.secret?endpoint_id=${encodeURIComponent(endpointId)}`,
    { schema: endpointSecretSchema },
  );
  return answer.secret;
}

/** The answer was lost: Konpro may or may not have acted. */
function lostAnswer(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'timeout' || error.kind === 'invalid-response') return true;
  return error.status === 504 || (error.status === 502 && !isEditorServerError(error));
}

const checkedLists = new WeakSet<object>();

/** How old a cached list may be to count as the endpoints before a create. */
const FRESH_ENOUGH_MS = 10_000;

/** Whether, after a create's lost answer, the list was read and had no endpoint with its URL. */
export function listCheckedAfter(error: unknown): boolean {
  return typeof error === 'object' && error !== null && checkedLists.has(error);
}

/**
 * Adds an endpoint. When the answer is lost on the way back, the list is read again: an endpoint
 * with this URL that was not there before is the one just made, so a second press cannot add it
 * twice. The new endpoint joins the cached list without its secret, which only the caller holds.
 */
export function useCreateEndpoint() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const options = endpointsQueryOptions(client);
  return useMutation({
    mutationKey: CREATE_MUTATION_KEY,
    networkMode: 'always',
    gcTime: 0, // the answer holds the secret: nothing keeps it once the caller has it
    mutationFn: async (body: NewEndpoint): Promise<Endpoint> => {
      // The endpoints there before the press, read again unless just read: an endpoint someone
      // else adds with this URL meanwhile must not be taken for this one after a lost answer.
      const before = await queryClient
        .query({ ...options, staleTime: FRESH_ENOUGH_MS })
        .catch(() => null);
      try {
        return await createEndpoint(client, body);
      } catch (error) {
        if (before === null || !lostAnswer(error)) throw error;
        const known = new Set(before.map((endpoint) => endpoint.endpoint_id));
        const after = await queryClient
          .query({ ...options, staleTime: 0, retry: false })
          .catch(() => null);
        if (after === null) throw error; // not looked: the failure must not say it was
        const made = after.find((e) => !known.has(e.endpoint_id) && e.url === body.url);
        if (made !== undefined) return made;
        if (typeof error === 'object' && error !== null) checkedLists.add(error);
        throw error;
      }
    },
    onSuccess: (created) => {
      queryClient.setQueryData(options.queryKey, (list) =>
        list?.some((e) => e.endpoint_id === created.endpoint_id)
          ? list
          : [...(list ?? []), withoutSecret(created)],
      );
      // Not awaited: the new endpoint opens at once, and the list catches up behind it.
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
    },
  });
}

/**
 * Deletes an endpoint. A 404 counts as done only once the list confirms the endpoint is gone: a
 * portal's backend without a delete route answers 404 too. The caller leaves the endpoint's view
 * first and then calls `forgetEndpoint`, so the view never shows it as deleted elsewhere.
 */
export function useDeleteEndpoint() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const options = endpointsQueryOptions(client);
  return useMutation({
    mutationKey: DELETE_MUTATION_KEY,
    networkMode: 'always',
    gcTime: 0,
    mutationFn: async (endpointId: string): Promise<DeleteOutcome> => {
      const outcome = await deleteEndpoint(client, endpointId);
      if (!outcome.alreadyGone) return outcome;
      const list = await queryClient.query({ ...options, staleTime: 0, retry: false });
      if (list.some((endpoint) => endpoint.endpoint_id === endpointId)) {
        throw new ApiError({
          kind: 'http',
          status: 404,
          code: 'DELETE_NOT_OFFERED',
          message: 'The server answered “not found”, yet the endpoint is still in its list.',
        });
      }
      return outcome;
    },
    onSettled: (_outcome, _error, endpointId) => refreshHistory(queryClient, endpointId),
  });
}

/** Takes a deleted endpoint out of the cached list and reads the list again. */
export function forgetEndpoint(queryClient: QueryClient, client: ApiClient, endpointId: string) {
  const { queryKey } = endpointsQueryOptions(client);
  queryClient.setQueryData(queryKey, (list) =>
    list?.filter((endpoint) => endpoint.endpoint_id !== endpointId),
  );
  void queryClient.invalidateQueries({ queryKey });
}
