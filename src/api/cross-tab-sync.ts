// Tabs of one browser learn of each other's saves through a BroadcastChannel. Only the endpoint's
// id crosses it, never the endpoint (its secret stays in the tab that saved it): a tab that hears
// of a save reads the list again, and an editor open there takes what it finds as a change made
// elsewhere.
import { type QueryClient, matchMutation } from '@tanstack/react-query';
import { ENDPOINTS_QUERY_KEY, type SaveOutcome, UPDATE_MUTATION_KEY } from './endpoints';

const CHANNEL = 'konpro-webhook-editor';

type SavedMessage = { type: 'endpoint-saved'; backend: string; endpointId: string };

/**
 * Tells other tabs about this QueryClient's saves and refreshes its list on theirs. `backend`
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
    if (!matchMutation({ mutationKey: UPDATE_MUTATION_KEY, exact: true }, event.mutation)) return;
    const { saved } = event.action.data as SaveOutcome<unknown>;
    if (saved === null) return;
    const message: SavedMessage = {
      type: 'endpoint-saved',
      backend,
      endpointId: saved.endpoint_id,
    };
    channel.postMessage(message);
  });
  return () => {
    unsubscribe();
    channel.close();
  };
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
