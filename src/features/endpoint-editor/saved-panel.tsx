import { useEffect, useId, useRef } from 'react';
import type { Endpoint } from '../../../contract/schemas';
import { inCatalogOrder } from '../../endpoint-form/event-groups';
import { StatusBadge } from '../../ui/status-badge';

type SavedPanelProps = {
  /** The endpoint as the server holds it now. */
  endpoint: Endpoint;
  catalog: string[] | null;
  autoFocus?: boolean;
};

/**
 * After a save: the endpoint as the server holds it, following later reads (a change made
 * elsewhere shows here as in the form). The secret is not repeated here: the endpoint has one
 * secret control, the region "Signing secret", which holds the save's answer.
 */
export function SavedPanel({ endpoint, catalog, autoFocus = false }: SavedPanelProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  return (
    <section className="kwe-panel kwe-saved" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        What the server saved
      </h3>
      <dl className="kwe-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={endpoint.status} />
        </dd>
        <dt>URL</dt>
        <dd className="kwe-break">{endpoint.url}</dd>
        <dt>Events</dt>
        <dd>
          {endpoint.events.length === 0 ? (
            'All events'
          ) : (
            <ul className="kwe-inline-list">
              {inCatalogOrder(endpoint.events, catalog ?? []).map((event) => (
                <li key={event}>
                  <code>{event}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Username</dt>
        <dd>{endpoint.username ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{formatCreatedAt(endpoint.created_at)}</dd>
      </dl>
    </section>
  );
}

function formatCreatedAt(value: string | undefined): string {
  if (value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}
