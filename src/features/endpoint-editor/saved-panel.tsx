import { useEffect, useId, useRef } from 'react';
import type { Endpoint } from '../../../contract/schemas';
import { inCatalogOrder } from '../../endpoint-form/event-groups';
import { SecretField } from '../../ui/secret-field';
import { StatusBadge } from '../../ui/status-badge';

type SavedPanelProps = {
  /** The endpoint as the server holds it now. */
  endpoint: Endpoint;
  /** The save's answer's secret: the endpoint's one secret control after a save is here. */
  secret: string | null | undefined;
  catalog: string[] | null;
  autoFocus?: boolean;
};

/**
 * After a save: the endpoint as the server holds it, following later reads (a change made
 * elsewhere shows here as in the form), and the save's secret. While it shows, the region
 * "Signing secret" points here rather than offering a second control.
 */
export function SavedPanel({ endpoint, secret, catalog, autoFocus = false }: SavedPanelProps) {
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
        <dt>Signing secret</dt>
        <dd>{secret ? <SecretField secret={secret} /> : 'Not returned'}</dd>
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
