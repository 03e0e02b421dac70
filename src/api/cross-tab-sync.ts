// Tabs of one browser learn of each other's saves, adds and deletes through a BroadcastChannel.
// Only the endpoint's id crosses it, never the endpoint (its secret stays in the tab that wrote
// it): a tab that hears of a write reads the list again, and an editor open there takes what it
// finds as a change made elsewhere. Every write travels as an `endpoint-saved` message, the name
// older tabs of the app know.
import { type QueryClient, matchMutation } from '@tanstack/react-query';
import type { DeleteOutcome, SaveOutcome } from './endpoint-writes';
import {
  CREATE_MUTATION_KEY,
  DELETE_MUTATION_KEY,
  ENDPOINTS_QUERY_KEY,
  UPDATE_MUTATION_KEY,
} from './endpoints';
import type { Endpoint } from '../../contract/schemas';

const CHANNEL = 'konpro-webhook-editor';

type SavedMessage = { type: 'endpoint-saved'; backend: string; endpointId: string };

/**
 * Tells other tabs about this QueryClient's writes and refreshes its list on theirs. `backend`
 * names the API base the client reads, so tabs talking to other backends ignore each other.
 * Returns the function that disconnects.
 */
export function syncAcrossTabs(queryClient: QueryClient, backend: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isSavedMessage(event.data) || event.data.backend !== backend) return;
    void queryClient.invalidateQueries({ queryKey: ENDPOINTS_QUERY_KEY });
  };
  const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const endpointId = changedEndpoint(event.mutation, event.action.data);
    if (endpointId === null) return;
    const message: SavedMessage = { type: 'endpoint-saved', backend, endpointId };
    channel.postMessage(message);
  });
  return () => {
    unsubscribe();
    channel.close();
  };
}

/** The id of the endpoint a successful write changed; null for anything else. */
function changedEndpoint(mutation: Parameters<typeof matchMutation>[1], data: unknown) {
  const is = (mutationKey: readonly string[]) =>
    matchMutation({ mutationKey, exact: true }, mutation);
  if (is(UPDATE_MUTATION_KEY)) return (data as SaveOutcome<unknown>).saved?.endpoint_id ?? null;
  if (is(CREATE_MUTATION_KEY)) return (data as Endpoint).endpoint_id;
  if (is(DELETE_MUTATION_KEY)) return (data as DeleteOutcome).endpointId;
  return null;
}

function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === 'endpoint-saved' &&
    typeof message.backend === 'string' &&
    typeof message.endpointId === 'string'
  );
}
