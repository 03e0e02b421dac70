import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type SyntheticEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiClientContext } from '../api/api-client-context';
import { endpointsQueryOptions } from '../api/endpoints';
import { eventTypesQueryOptions } from '../api/event-types';
import type { Endpoint } from '../../contract/schemas';
import { DraftOwnerContext, LOCAL_OWNER } from '../drafts/draft-owner';
import { EditorEventsContext } from '../api/editor-events';
import { EndpointList } from '../features/endpoint-list/endpoint-list';
import { DEFAULT_LIST_QUERY, type ListQuery } from '../features/endpoint-list/list-query';
import { useLingui } from '@lingui/react/macro';
import { MountI18n, useCatalogs } from '../i18n/mount-i18n';
import { directionOf } from '../i18n/locales';
import { ErrorBanner } from '../ui/error-banner';
import { ReadUrlContext } from '../ui/reads-as';
import { LeaveDialog } from '../ui/leave-dialog';
import { reservedHeight } from '../ui/reserved-height';
import { ViewFocus, ViewFocusContext } from '../ui/view-focus';
import { type EditorModuleState, preloadEditor, useEditorModule } from './use-editor-module';
import { ADD_VIEW, LIST_VIEW, type View, endpointIdOf, endpointView, sameView } from './view';

export type Theme = 'light' | 'dark' | 'auto';

/** What the admin may do besides editing; a portal may switch either off. */
export type Features = { create: boolean; delete: boolean };

const ALL_FEATURES: Features = { create: true, delete: true };

export type NavigateOptions = {
  /** The view left behind is gone (a created or deleted endpoint's form): do not stack it. */
  replace?: boolean;
};

export type EditorAppProps = {
  apiClient: ApiClient;
  queryClient: QueryClient;
  /** The view shown. Where it lives (the address bar, a host's state) is the caller's. */
  view: View;
  onNavigate: (view: View, options?: NavigateOptions) => void;
  theme?: Theme | undefined;
  features?: Features | undefined;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  onSaved?: ((endpoint: Endpoint) => void) | undefined;
  onCreated?: ((endpoint: Endpoint) => void) | undefined;
  onDeleted?: ((endpoint: Endpoint) => void) | undefined;
  onError?: ((error: unknown) => void) | undefined;
  /** Whose drafts are kept and restored (draft-owner.ts); the local owner's by default. */
  draftOwner?: string | null | undefined;
  /** BCP 47 tags in order of preference; English when none is shipped (i18n/locales.ts). */
  locale?: string | readonly string[] | undefined;
  /**
   * The list's search, filter and order, where the caller keeps them (the standalone page: its
   * address). Without them the editor keeps them itself, as in a portal.
   */
  listQuery?: ListQuery | undefined;
  onListQueryChange?: ((query: ListQuery) => void) | undefined;
};

type Leaving = { to: View };

/** What a create or a delete leads to, and the view that says so. */
export type Outcome =
  | { kind: 'created'; endpoint: Endpoint; shownOn: View }
  | { kind: 'deleted'; endpoint: Endpoint; alreadyGone: boolean; shownOn: View };

/** The editor in its own language: one Lingui instance per mount (i18n/mount-i18n.tsx). */
export function EditorApp(props: EditorAppProps) {
  return (
    <MountI18n locale={props.locale}>
      <EditorAppInLocale {...props} />
    </MountI18n>
  );
}

function EditorAppInLocale(props: EditorAppProps) {
  const { apiClient, queryClient, view, onNavigate, onDirtyChange, onSaved, onError } = props;
  const { onCreated, onDeleted, features = ALL_FEATURES, draftOwner = LOCAL_OWNER } = props;
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const events = useMemo(() => ({ onSaved, onError }), [onSaved, onError]);
  // The view on screen now, for outcomes that arrive after their view was left.
  const shown = useRef(view);
  useLayoutEffect(() => {
    shown.current = view;
  }, [view]);
  const [viewFocus] = useState(() => new ViewFocus());
  const [shownView, setShownView] = useState(view);
  // "Created" or "Deleted", said by the view a create or a delete leads to, until the next move.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The list's search, filter and order outlive a visit to an endpoint.
  const [ownListQuery, setOwnListQuery] = useState(DEFAULT_LIST_QUERY);
  const listQuery = props.listQuery ?? ownListQuery;
  const setListQuery = props.onListQueryChange ?? setOwnListQuery;
  const endpointId = endpointIdOf(view);

  // Passed on in the same commit (a layout effect), so a Back pressed right after a keystroke
  // already finds the edit known.
  useLayoutEffect(() => {
    onDirtyChange?.(dirty); // braces: whatever a host's callback returns must not reach React
  }, [dirty, onDirtyChange]);

  const onList = view.name === 'list';
  const editor = useEditorModule(!onList);
  const { i18n } = useLingui();
  const locale = i18n.locale;

  // A deep link needs the list and the catalog: ask for them while the editor's code loads,
  // rather than after. A failure here shows up in the editor's own query.
  useEffect(() => {
    if (onList) return;
    queryClient.query(endpointsQueryOptions(apiClient)).catch(() => undefined);
    queryClient.query(eventTypesQueryOptions(apiClient)).catch(() => undefined);
  }, [onList, queryClient, apiClient]);

  // After a navigation (not on first load), the new view's heading takes focus when it appears,
  // so keyboard and screen reader users start from the top of what changed; back on the list,
  // the link of the endpoint just left does.
  if (!sameView(shownView, view)) {
    setShownView(view);
    viewFocus.request(onList && outcome?.kind !== 'deleted' ? endpointIdOf(shownView) : null);
    if (outcome !== null && !sameView(outcome.shownOn, view)) setOutcome(null);
  }

  const navigate = (to: View) => {
    if (dirty) setLeaving({ to });
    else onNavigate(to);
  };
  const leave = (to: View) => {
    setLeaving(null);
    setDirty(false);
    onNavigate(to);
  };
  // A create or a delete may finish after the admin has moved on (Back, a host's update): the host
  // still hears of it, but the admin is only taken to its outcome from the view that asked.
  const created = (endpoint: Endpoint) => {
    onCreated?.(endpoint);
    if (shown.current.name !== 'add') return;
    const to = endpointView(endpoint.endpoint_id);
    setOutcome({ kind: 'created', endpoint, shownOn: to });
    setDirty(false);
    onNavigate(to, { replace: true });
  };
  const deleted = (endpoint: Endpoint, alreadyGone: boolean) => {
    onDeleted?.(endpoint);
    if (endpointIdOf(shown.current) !== endpoint.endpoint_id) return;
    setOutcome({ kind: 'deleted', endpoint, alreadyGone, shownOn: LIST_VIEW });
    setDirty(false);
    onNavigate(LIST_VIEW, { replace: true });
  };

  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientContext.Provider value={apiClient}>
        <EditorEventsContext.Provider value={events}>
          <DraftOwnerContext.Provider value={draftOwner}>
            <ViewFocusContext.Provider value={viewFocus}>
              <div
                className="kwe-root"
                lang={locale}
                dir={directionOf(locale)}
                data-theme={props.theme ?? 'auto'}
                onPointerOver={preloadOnIntent}
                onFocus={preloadOnIntent}
              >
                {leaving && (
                  <LeaveDialog onLeave={() => leave(leaving.to)} onStay={() => setLeaving(null)} />
                )}
                {/* How international addresses read comes with the editor's chunk, which the list
                    loads in its first idle moment: its rows show their exact URL until then. */}
                <ReadUrlContext.Provider
                  value={editor.status === 'ready' ? editor.module.readableUrl : undefined}
                >
                  {view.name === 'list' ? (
                    <EndpointList
                      onOpen={(id) => navigate(endpointView(id))}
                      onAdd={features.create ? () => navigate(ADD_VIEW) : undefined}
                      query={listQuery}
                      onQueryChange={setListQuery}
                      deleted={outcome?.kind === 'deleted' ? outcome : null}
                    />
                  ) : (
                    <EditorView
                      editor={editor}
                      view={view}
                      onBack={() => navigate(LIST_VIEW)}
                      onDirtyChange={setDirty}
                      canDelete={features.delete}
                      created={
                        outcome?.kind === 'created' && endpointId === outcome.endpoint.endpoint_id
                          ? outcome.endpoint
                          : null
                      }
                      onCreated={created}
                      onDeleted={deleted}
                    />
                  )}
                </ReadUrlContext.Provider>
              </div>
            </ViewFocusContext.Provider>
          </DraftOwnerContext.Provider>
        </EditorEventsContext.Provider>
      </ApiClientContext.Provider>
    </QueryClientProvider>
  );
}

// A pointer over, or focus on, a link to an endpoint or to the add form says the editor is about
// to be needed: start its code then, before the click, rather than waiting for the idle moment.
function preloadOnIntent(event: SyntheticEvent) {
  const link = event.target instanceof Element ? event.target.closest('a[href^="?"]') : null;
  if (link !== null && /[?&](endpoint_id=|new\b)/.test(link.getAttribute('href') ?? '')) {
    preloadEditor().catch(() => undefined); // a failure shows when the editor is opened
  }
}

type EditorViewProps = {
  editor: EditorModuleState;
  view: Exclude<View, { name: 'list' }>;
  onBack: () => void;
  onDirtyChange: (dirty: boolean) => void;
  canDelete: boolean;
  created: Endpoint | null;
  onCreated: (endpoint: Endpoint) => void;
  onDeleted: (endpoint: Endpoint, alreadyGone: boolean) => void;
};

function EditorView({ editor, ...props }: EditorViewProps) {
  if (editor.status === 'ready') return <EditorModuleView module={editor.module} {...props} />;
  return <EditorLoading editor={editor} view={props.view} />;
}

type EditorModuleViewProps = Omit<EditorViewProps, 'editor'> & {
  module: Extract<EditorModuleState, { status: 'ready' }>['module'];
};

/** The editor's chunk, once its catalogues speak the mount's language. */
function EditorModuleView({ module: editor, view, onCreated, ...props }: EditorModuleViewProps) {
  const { onBack, onDirtyChange } = props;
  const ready = useCatalogs(editor.catalogs);
  if (!ready) return <EditorLoading editor={{ status: 'loading' }} view={view} />;
  if (view.name === 'add') {
    return (
      <editor.AddEndpoint onBack={onBack} onDirtyChange={onDirtyChange} onCreated={onCreated} />
    );
  }
  return <editor.EndpointEditor key={view.endpointId} endpointId={view.endpointId} {...props} />;
}

type EditorLoadingProps = { editor: EditorModuleState; view: EditorViewProps['view'] };

function EditorLoading({ editor, view }: EditorLoadingProps) {
  const { t } = useLingui();
  if (editor.status !== 'failed') {
    return (
      <p role="status" style={{ minHeight: reservedHeight('editor') }}>
        {view.name === 'add' ? t`Loading…` : t`Loading endpoint…`}
      </p>
    );
  }
  return (
    <ErrorBanner
      title={t`The editor could not be loaded`}
      advice={t`Check your connection, then try again. Nothing you typed earlier is lost.`}
    >
      <button type="button" className="kwe-button" onClick={editor.retry}>
        {t`Try again`}
      </button>
    </ErrorBanner>
  );
}
