import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ApiClient } from '../api/api-client';
import { ApiClientContext } from '../api/api-client-context';
import { EndpointEditor } from '../features/endpoints/endpoint-editor';
import { EndpointList } from '../features/endpoints/endpoint-list';

export type EditorAppProps = {
  apiClient: ApiClient;
  queryClient: QueryClient;
  /** The endpoint being edited, or null for the list. Where it lives (URL, host) is the caller's. */
  endpointId: string | null;
  onNavigate: (endpointId: string | null) => void;
};

export function EditorApp({ apiClient, queryClient, endpointId, onNavigate }: EditorAppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientContext value={apiClient}>
        <div className="kwe-root">
          {endpointId === null ? (
            <EndpointList onOpen={onNavigate} />
          ) : (
            <EndpointEditor endpointId={endpointId} onBack={() => onNavigate(null)} />
          )}
        </div>
      </ApiClientContext>
    </QueryClientProvider>
  );
}
