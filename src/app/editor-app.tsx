import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiClientContext } from '../api/api-client-context';
import { EndpointEditor } from '../features/endpoints/endpoint-editor';
import { EndpointList } from '../features/endpoints/endpoint-list';
import { LeaveDialog } from '../ui/leave-dialog';

export type EditorAppProps = {
  apiClient: ApiClient;
  queryClient: QueryClient;
  /** The endpoint being edited, or null for the list. Where it lives (URL, host) is the caller's. */
  endpointId: string | null;
  onNavigate: (endpointId: string | null) => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

type Leaving = { to: string | null };

export function EditorApp(props: EditorAppProps) {
  const { apiClient, queryClient, endpointId, onNavigate, onDirtyChange } = props;
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState<Leaving | null>(null);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const navigate = (to: string | null) => {
    if (dirty) setLeaving({ to });
    else onNavigate(to);
  };
  const leave = (to: string | null) => {
    setLeaving(null);
    setDirty(false);
    onNavigate(to);
  };

  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientContext value={apiClient}>
        <div className="kwe-root">
          {leaving && (
            <LeaveDialog onLeave={() => leave(leaving.to)} onStay={() => setLeaving(null)} />
          )}
          {endpointId === null ? (
            <EndpointList onOpen={navigate} />
          ) : (
            <EndpointEditor
              endpointId={endpointId}
              onBack={() => navigate(null)}
              onDirtyChange={setDirty}
            />
          )}
        </div>
      </ApiClientContext>
    </QueryClientProvider>
  );
}
