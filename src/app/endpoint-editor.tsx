import { useLingui } from '@lingui/react/macro';
import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { ELEMENT, withElement } from '../i18n/with-element';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client-context';
import { endpointsQueryOptions } from '../api/endpoints';
import { eventTypesQueryOptions } from '../api/event-types';
import type { Endpoint } from '../../contract/schemas';
import { asciiUrl } from '../../contract/ascii-url';
import { ReadsAs } from '../ui/reads-as';
import { Announcement } from '../ui/announcement';
import { usePageTitle } from '../ui/page-title';
import { reservedHeight, useRememberedHeight } from '../ui/reserved-height';
import { useViewHeadingRef } from '../ui/view-focus';
import { useReportError } from '../api/editor-events';
import { BackLink } from '../ui/back-link';
import { useDraftOwner } from '../drafts/draft-owner';
import { EndpointForm } from '../features/endpoint-editor/endpoint-form';
import { LoadError } from '../ui/load-error';
import { LoadingStatus } from '../ui/loading-status';
import { SigningSecret } from '../features/signing-secret/signing-secret';
import { StatusBadge } from '../ui/status-badge';
import { useBelowForm } from './use-below-form';
import { editorCatalog } from '../i18n/catalogs/editor';
import { formCatalog } from '../i18n/catalogs/form';
import './editor.css';

export { AddEndpoint } from '../features/add-endpoint/add-endpoint';
// The list's readable addresses come with this chunk (editor-app.tsx).
export { readableUrl } from '../ui/readable-url';

/** The messages of this chunk, English inside it and the other locales on demand. */
export const catalogs = [editorCatalog, formCatalog];

const REFRESH_INTERVAL_MS = 60_000;

type EndpointEditorProps = {
  endpointId: string;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** False when the host has switched deleting off. */
  canDelete?: boolean;
  /** This endpoint, as its create answered a moment ago (with its secret); null otherwise. */
  created?: Endpoint | null;
  onDeleted?: ((endpoint: Endpoint, alreadyGone: boolean) => void) | undefined;
};

/** Loads what the form needs, so the form itself always starts from real values. */
export function EndpointEditor(props: EndpointEditorProps) {
  const { endpointId, onBack, onDirtyChange, canDelete = false, created = null, onDeleted } = props;
  const { t } = useLingui();
  // The messages' names for the elements they hold (i18n/with-element.tsx).
  const id = ELEMENT;
  const url = ELEMENT;
  const titleId = useId();
  const headingRef = useViewHeadingRef();
  const client = useApiClient();
  // While an endpoint is open, changes made elsewhere should reach it: on returning to the tab,
  // on reconnecting, and once a minute (a tab in the background waits until it is looked at).
  const endpoints = useQuery({
    ...endpointsQueryOptions(client),
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
    refetchInterval: REFRESH_INTERVAL_MS,
  });
  const eventTypes = useQuery(eventTypesQueryOptions(client));
  const [lastSeen, setLastSeen] = useState<Endpoint | undefined>();
  const [unsaved, setUnsaved] = useState(false);
  // After a save the secret's one control is in the panel of what the server saved.
  const [panelShown, setPanelShown] = useState(false);
  const dirtyChanged = useCallback(
    (dirty: boolean) => {
      setUnsaved(dirty);
      onDirtyChange?.(dirty);
    },
    [onDirtyChange],
  );
  // The form is memoised: the Back it is given keeps one identity, however often the app renders.
  const latestBack = useRef(onBack);
  useLayoutEffect(() => {
    latestBack.current = onBack;
  });
  const back = useCallback(() => latestBack.current(), []);
  useReportError(endpoints.error ?? eventTypes.error);
  const found = endpoints.data?.find((candidate) => candidate.endpoint_id === endpointId);
  if (found !== undefined && found !== lastSeen) setLastSeen(found);
  // Deleted elsewhere while open: the form stays, with what the admin typed, and says so.
  const endpoint = found ?? (lastSeen?.endpoint_id === endpointId ? lastSeen : undefined);
  // Without the catalog the URL can still be edited: only a catalog still on its way is waited for.
  // The form starts from this admin's draft, if any: it also waits to know who is signed in.
  const owner = useDraftOwner();
  const below = useBelowForm();
  const loading =
    endpoints.data === undefined ||
    (eventTypes.data === undefined && !eventTypes.isError) ||
    owner === null;
  const shortUrl = endpoint ? asciiUrl(endpoint.url).replace(/^https?:\/\//, '') : '';
  usePageTitle(
    endpoint
      ? t`Edit endpoint ${shortUrl}`
      : endpoints.data && !loading
        ? t`Endpoint not found`
        : t`Edit endpoint`,
  );
  const section = useRememberedHeight<HTMLElement>('editor', !loading && endpoint !== undefined);
  const backLink = <BackLink onBack={onBack} />;

  if (loading) {
    const waitingFor = endpoints.data === undefined ? endpoints : eventTypes;
    return (
      <section
        className="kwe-editor"
        style={endpoints.error ? undefined : { minHeight: reservedHeight('editor') }}
      >
        {backLink}
        {endpoints.error ? (
          <LoadError
            error={endpoints.error}
            failedAt={endpoints.errorUpdatedAt}
            title={t`The endpoint could not be loaded`}
            onRetry={() => void endpoints.refetch()}
          />
        ) : (
          <LoadingStatus
            label={t`Loading endpoint…`}
            failureCount={waitingFor.failureCount}
            failureReason={waitingFor.failureReason}
          />
        )}
      </section>
    );
  }

  if (endpoint === undefined) {
    return (
      <section className="kwe-editor" aria-labelledby={titleId}>
        {backLink}
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t`Endpoint not found`}
        </h2>
        <p>
          {withElement(
            t`There is no endpoint ${id} in this account. It may have been deleted.`,
            <code dir="ltr">{endpointId}</code>,
          )}
        </p>
        <button type="button" className="kwe-button kwe-primary" onClick={onBack}>
          {t`Show all endpoints`}
        </button>
      </section>
    );
  }

  return (
    <section ref={section} className="kwe-editor" aria-labelledby={titleId}>
      {backLink}
      <Announcement className="kwe-status-line">
        {/* Said of the URL it was created with; once the server holds another, it is old news. */}
        {created && created.url === endpoint.url && (
          <>
            {withElement(
              t`Created ${url}. Its signing secret is below.`,
              <>
                <bdi dir="ltr">{asciiUrl(created.url)}</bdi>
                <ReadsAs url={created.url} />
              </>,
            )}
          </>
        )}
      </Announcement>
      <header className="kwe-editor-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t`Edit endpoint`}
        </h2>
        <p className="kwe-muted">
          <code dir="ltr">{endpoint.endpoint_id}</code> <StatusBadge status={endpoint.status} />
        </p>
      </header>
      {found !== undefined && (
        <SigningSecret
          endpoint={endpoint}
          known={created?.secret ?? null}
          inSavedPanel={panelShown}
        />
      )}
      <EndpointForm
        key={endpoint.endpoint_id}
        endpoint={endpoint}
        gone={found === undefined}
        catalog={eventTypes.data ?? null}
        catalogError={
          // Not loading and no catalog: its query failed.
          eventTypes.data === undefined
            ? {
                error: eventTypes.error,
                failedAt: eventTypes.errorUpdatedAt,
                retrying: eventTypes.isFetching,
                retry: () => void eventTypes.refetch(),
              }
            : null
        }
        onBack={back}
        onDirtyChange={dirtyChanged}
        onSavedPanel={setPanelShown}
      />
      {below && (
        <below.BelowForm
          endpointId={endpoint.endpoint_id}
          deletable={found !== undefined && canDelete ? endpoint : null}
          unsaved={unsaved}
          onDeleted={onDeleted}
        />
      )}
    </section>
  );
}
