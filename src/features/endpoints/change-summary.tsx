import { useId } from 'react';
import type { Endpoint } from '../../api/schemas';
import { type EndpointFormValues, eventChanges } from './form-values';

type ChangeSummaryProps = { endpoint: Endpoint; values: EndpointFormValues };

export function ChangeSummary({ endpoint, values }: ChangeSummaryProps) {
  const titleId = useId();
  const urlChanged = values.url !== endpoint.url;
  const { added, removed, modeChanged, after } = eventChanges(endpoint.events, values);
  const eventsChanged = modeChanged || added.length > 0 || removed.length > 0;

  return (
    <section className="kwe-summary" aria-labelledby={titleId}>
      <h3 id={titleId}>Changes to save</h3>
      {!urlChanged && !eventsChanged ? (
        <p className="kwe-muted">No changes yet.</p>
      ) : (
        <ul>
          {urlChanged && (
            <li>
              URL: <span className="kwe-old">{endpoint.url}</span> →{' '}
              <span className="kwe-new">{values.url || '(empty)'}</span>
            </li>
          )}
          {modeChanged && (
            <li>
              Events: {describe(endpoint.events.length === 0 ? null : endpoint.events)} →{' '}
              {describe(after)}
            </li>
          )}
          {!modeChanged && added.length > 0 && (
            <li>
              Events added: <EventList events={added} />
            </li>
          )}
          {!modeChanged && removed.length > 0 && (
            <li>
              Events removed: <EventList events={removed} />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function describe(events: string[] | null): string {
  if (events === null) return 'All events';
  if (events.length === 0) return 'No events selected';
  return events.length === 1 ? '1 selected event' : `${events.length} selected events`;
}

function EventList({ events }: { events: string[] }) {
  return (
    <>
      {events.map((event, index) => (
        <span key={event}>
          {index > 0 && ', '}
          <code>{event}</code>
        </span>
      ))}
    </>
  );
}
