import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { endpointsQueryOptions } from '../../api/endpoints';
import { LoadError } from './load-error';
import { useViewHeadingRef } from '../../ui/view-focus';
import { useReportError } from './editor-events';
import { StatusBadge } from './status-badge';
import { asciiUrl } from '../../api/webhook-url';

export function EndpointList({ onOpen }: { onOpen: (endpointId: string) => void }) {
  const titleId = useId();
  const headingRef = useViewHeadingRef();
  const client = useApiClient();
  const endpoints = useQuery(endpointsQueryOptions(client));
  useReportError(endpoints.error);

  return (
    <section className="kwe-list" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        Webhook endpoints
      </h2>
      {endpoints.isPending && <p role="status">Loading endpoints…</p>}
      {endpoints.isError && (
        <LoadError
          error={endpoints.error}
          title="The endpoints could not be loaded"
          onRetry={() => void endpoints.refetch()}
        />
      )}
      {endpoints.data?.length === 0 && <p>This account has no webhook endpoints yet.</p>}
      {endpoints.data && endpoints.data.length > 0 && (
        <ul className="kwe-cards">
          {endpoints.data.map((endpoint) => (
            <li key={endpoint.endpoint_id} className="kwe-card">
              <a
                className="kwe-card-link kwe-break"
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
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
