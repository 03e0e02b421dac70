import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { endpointsQueryOptions } from '../../api/endpoints';
import { eventTypesQueryOptions } from '../../api/event-types';
import type { Endpoint } from '../../api/schemas';
import { LoadError } from './load-error';
import { useViewHeadingRef } from '../../ui/view-focus';
import { useReportError } from './editor-events';
import { EndpointForm } from './endpoint-form';
import { StatusBadge } from './status-badge';

const REFRESH_INTERVAL_MS = 60_000;

type EndpointEditorProps = {
  endpointId: string;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

/** Loads what the form needs, so the form itself always starts from real values. */
export function EndpointEditor({ endpointId, onBack, onDirtyChange }: EndpointEditorProps) {
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
  useReportError(endpoints.error ?? eventTypes.error);
  const backLink = (
    <a
      className="kwe-back"
      href="?"
      onClick={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      ← All endpoints
    </a>
  );

  if (endpoints.data === undefined || eventTypes.data === undefined) {
    const error = endpoints.error ?? eventTypes.error;
    return (
      <section className="kwe-editor">
        {backLink}
        {error ? (
          <LoadError
            error={error}
            title="The endpoint could not be loaded"
            onRetry={() => void Promise.all([endpoints.refetch(), eventTypes.refetch()])}
          />
        ) : (
          <p role="status">Loading endpoint…</p>
        )}
      </section>
    );
  }

  const found = endpoints.data.find((candidate) => candidate.endpoint_id === endpointId);
  if (found !== undefined && found !== lastSeen) setLastSeen(found);
  // Deleted elsewhere while open: the form stays, with what the admin typed, and says so.
  const endpoint = found ?? (lastSeen?.endpoint_id === endpointId ? lastSeen : undefined);
  if (endpoint === undefined) {
    return (
      <section className="kwe-editor">
        <h2 ref={headingRef} tabIndex={-1}>
          Endpoint not found
        </h2>
        <p>
          There is no endpoint <code>{endpointId}</code> in this account. It may have been deleted.
        </p>
        <button type="button" className="kwe-button kwe-primary" onClick={onBack}>
          Show all endpoints
        </button>
      </section>
    );
  }

  return (
    <section className="kwe-editor" aria-labelledby={titleId}>
      {backLink}
      <header className="kwe-editor-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          Edit endpoint
        </h2>
        <p className="kwe-muted">
          <code>{endpoint.endpoint_id}</code> <StatusBadge status={endpoint.status} />
        </p>
      </header>
      <EndpointForm
        key={endpoint.endpoint_id}
        endpoint={endpoint}
        gone={found === undefined}
        catalog={eventTypes.data}
        onBack={onBack}
        onDirtyChange={onDirtyChange}
      />
    </section>
  );
}
