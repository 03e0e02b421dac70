import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type SyntheticEvent, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiClientContext } from '../api/api-client-context';
import { endpointsQueryOptions } from '../api/endpoints';
import { eventTypesQueryOptions } from '../api/event-types';
import type { Endpoint } from '../api/schemas';
import { EditorEventsContext } from '../features/endpoints/editor-events';
import { EndpointList } from '../features/endpoints/endpoint-list';
import { ErrorBanner } from '../ui/error-banner';
import { LeaveDialog } from '../ui/leave-dialog';
import { reservedHeight } from '../ui/reserved-height';
import { ViewFocus, ViewFocusContext } from '../ui/view-focus';
import { type EditorModuleState, preloadEditor, useEditorModule } from './use-editor-module';

export type Theme = 'light' | 'dark' | 'auto';

export type EditorAppProps = {
  apiClient: ApiClient;
  queryClient: QueryClient;
  /** The endpoint being edited, or null for the list. Where it lives (URL, host) is the caller's. */
  endpointId: string | null;
  onNavigate: (endpointId: string | null) => void;
  theme?: Theme | undefined;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  onSaved?: ((endpoint: Endpoint) => void) | undefined;
  onError?: ((error: unknown) => void) | undefined;
};

type Leaving = { to: string | null };

export function EditorApp(props: EditorAppProps) {
  const { apiClient, queryClient, endpointId, onNavigate, onDirtyChange, onSaved, onError } = props;
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const events = useMemo(() => ({ onSaved, onError }), [onSaved, onError]);
  const [viewFocus] = useState(() => new ViewFocus());
  const [shownView, setShownView] = useState(endpointId);

  // Passed on in the same commit (a layout effect), so a Back pressed right after a keystroke
  // already finds the edit known.
  useLayoutEffect(() => {
    onDirtyChange?.(dirty); // braces: whatever a host's callback returns must not reach React
  }, [dirty, onDirtyChange]);

  const editor = useEditorModule(endpointId !== null);

  // A deep link needs the list and the catalog: ask for them while the editor's code loads,
  // rather than after. A failure here shows up in the editor's own query.
  useEffect(() => {
    if (endpointId === null) return;
    queryClient.query(endpointsQueryOptions(apiClient)).catch(() => undefined);
    queryClient.query(eventTypesQueryOptions(apiClient)).catch(() => undefined);
  }, [endpointId, queryClient, apiClient]);

  // After a navigation (not on first load), the new view's heading takes focus when it appears,
  // so keyboard and screen reader users start from the top of what changed; back on the list,
  // the link of the endpoint just left does.
  if (shownView !== endpointId) {
    setShownView(endpointId);
    viewFocus.request(endpointId === null ? shownView : null);
  }

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
        <EditorEventsContext value={events}>
          <ViewFocusContext value={viewFocus}>
            <div
              className="kwe-root"
              data-theme={props.theme ?? 'auto'}
              onPointerOver={preloadOnIntent}
              onFocus={preloadOnIntent}
            >
              {leaving && (
                <LeaveDialog onLeave={() => leave(leaving.to)} onStay={() => setLeaving(null)} />
              )}
              {endpointId === null ? (
                <EndpointList onOpen={navigate} />
              ) : (
                <EditorView
                  editor={editor}
                  endpointId={endpointId}
                  onBack={() => navigate(null)}
                  onDirtyChange={setDirty}
                />
              )}
            </div>
          </ViewFocusContext>
        </EditorEventsContext>
      </ApiClientContext>
    </QueryClientProvider>
  );
}

// A pointer over, or focus on, a link to an endpoint says the editor is about to be needed: start
// its code then, before the click, rather than waiting for the idle moment.
function preloadOnIntent(event: SyntheticEvent) {
  if (event.target instanceof Element && event.target.closest('a[href*="endpoint_id="]')) {
    preloadEditor().catch(() => undefined); // a failure shows when the editor is opened
  }
}

type EditorViewProps = {
  editor: EditorModuleState;
  endpointId: string;
  onBack: () => void;
  onDirtyChange: (dirty: boolean) => void;
};

function EditorView({ editor, ...props }: EditorViewProps) {
  if (editor.status === 'ready') return <editor.module.EndpointEditor {...props} />;
  if (editor.status === 'loading') {
    return (
      <p role="status" style={{ minHeight: reservedHeight('editor') }}>
        Loading endpoint…
      </p>
    );
  }
  return (
    <ErrorBanner
      title="The editor could not be loaded"
      advice="Check your connection, then try again. Nothing you typed earlier is lost."
    >
      <button type="button" className="kwe-button" onClick={editor.retry}>
        Try again
      </button>
    </ErrorBanner>
  );
}
