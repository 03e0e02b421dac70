import { useId, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { endpointsQueryOptions } from '../../api/endpoints';
import { usePageTitle } from '../../ui/page-title';
import { reservedHeight, useRememberedHeight } from '../../ui/reserved-height';
import { useViewFocus, useViewHeadingRef } from '../../ui/view-focus';
import { hasUnsavedDraft } from './draft-storage';
import { useReportError } from './editor-events';
import { LoadError } from './load-error';
import { LoadingStatus } from './loading-status';
import { StatusBadge } from './status-badge';
import { asciiUrl } from '../../api/webhook-url';

export function EndpointList({ onOpen }: { onOpen: (endpointId: string) => void }) {
  const titleId = useId();
  const client = useApiClient();
  const endpoints = useQuery(endpointsQueryOptions(client));
  useReportError(endpoints.error);
  usePageTitle('Webhook endpoints');
  const viewFocus = useViewFocus();
  // Back from an endpoint, its link takes focus (and so comes into view); the heading only when
  // that endpoint is not in the list.
  const { returnTo } = viewFocus;
  const linkWillFocus =
    returnTo !== null && endpoints.data?.some((e) => e.endpoint_id === returnTo) === true;
  const headingRef = useViewHeadingRef(
    returnTo === null || (endpoints.data !== undefined && !linkWillFocus),
  );
  const section = useRememberedHeight<HTMLElement>('list', endpoints.data !== undefined);
  const drafts = useMemo(
    () => new Set(endpoints.data?.filter(hasUnsavedDraft).map((e) => e.endpoint_id)),
    [endpoints.data],
  );

  return (
    <section
      ref={section}
      className="kwe-list"
      aria-labelledby={titleId}
      style={endpoints.isPending ? { minHeight: reservedHeight('list') } : undefined}
    >
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        Webhook endpoints
      </h2>
      {endpoints.isPending && (
        <LoadingStatus
          label="Loading endpoints…"
          failureCount={endpoints.failureCount}
          failureReason={endpoints.failureReason}
        />
      )}
      {endpoints.isError && (
        <LoadError
          error={endpoints.error}
          failedAt={endpoints.errorUpdatedAt}
          title="The endpoints could not be loaded"
          onRetry={() => void endpoints.refetch()}
        />
      )}
      {endpoints.data?.length === 0 && <p>This account has no webhook endpoints yet.</p>}
      {endpoints.data && endpoints.data.length > 0 && (
        <ul className="kwe-cards">
          {endpoints.data.map((endpoint, index) => (
            <li key={endpoint.endpoint_id} className="kwe-card">
              <a
                ref={(link) => {
                  if (link && endpoint.endpoint_id === returnTo) viewFocus.claim(link);
                }}
                className="kwe-card-link kwe-break"
                aria-describedby={
                  drafts.has(endpoint.endpoint_id) ? `${titleId}-draft-${index}` : undefined
                }
                href={`?endpoint_id=${encodeURIComponent(endpoint.endpoint_id)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(endpoint.endpoint_id);
                }}
              >
                {asciiUrl(endpoint.url)}
              </a>
              <p className="kwe-card-meta">
                <StatusBadge status={endpoint.status} />
                <span>
                  {endpoint.events.length === 0
                    ? 'All events'
                    : `${endpoint.events.length} event${endpoint.events.length === 1 ? '' : 's'}`}
                </span>
                <code className="kwe-muted">{endpoint.endpoint_id}</code>
                {drafts.has(endpoint.endpoint_id) && (
                  <span id={`${titleId}-draft-${index}`} className="kwe-badge kwe-badge-draft">
                    Unsaved changes
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
