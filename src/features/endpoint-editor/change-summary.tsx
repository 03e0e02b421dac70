import { type Ref, useId } from 'react';
import type { Endpoint } from '../../../contract/schemas';
import { checkWebhookUrl } from '../../../contract/webhook-url';
import { inCatalogOrder } from '../../endpoint-form/event-groups';
import {
  type EndpointFormValues,
  eventChanges,
  urlChanged,
  normalUrl,
} from '../../endpoint-form/form-values';
import { useUrlRule } from '../../endpoint-form/url-rule';
import { EventNames } from './server-change-list';
import { ReadsAs } from '../../ui/reads-as';

type ChangeSummaryProps = {
  endpoint: Endpoint;
  values: EndpointFormValues;
  catalog: string[] | null;
  /** The skip link past the checklist lands here. */
  id?: string | undefined;
  /** Not `ref`: React 18 keeps `ref` from a function component's props (only 19 passes it on). */
  sectionRef?: Ref<HTMLElement> | undefined;
};

export function ChangeSummary(props: ChangeSummaryProps) {
  const { endpoint, values, catalog, id, sectionRef } = props;
  const titleId = useId();
  const order = (events: string[]) => inCatalogOrder(events, catalog ?? []);
  const urlDiffers = urlChanged(endpoint, values);
  const urlCheck = checkWebhookUrl(values.url, useUrlRule());
  const { added, removed, modeChanged, after } = eventChanges(endpoint.events, values);
  const eventsChanged = modeChanged || added.length > 0 || removed.length > 0;

  return (
    <section
      id={id}
      ref={sectionRef}
      tabIndex={-1}
      className="kwe-summary"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>Changes to save</h3>
      {!urlDiffers && !eventsChanged ? (
        <p className="kwe-muted">No changes yet.</p>
      ) : (
        <ul>
          {urlDiffers &&
            (urlCheck.ok ? (
              <li>
                URL: <span className="kwe-old kwe-break">{endpoint.url}</span>
                <ReadsAs url={endpoint.url} /> →{' '}
                <span className="kwe-new kwe-break">{normalUrl(values.url)}</span>
                <ReadsAs url={normalUrl(values.url)} />
              </li>
            ) : (
              // Not a change to save: a save stops at the field's error and sends nothing.
              <li className="kwe-summary-invalid">
                URL: <span className="kwe-error">not valid yet ({urlCheck.reason}).</span> It stays{' '}
                <span className="kwe-break">{endpoint.url}</span> until it is corrected.
              </li>
            ))}
          {modeChanged && (
            <li>
              Events:{' '}
              <Selection events={endpoint.events.length === 0 ? null : order(endpoint.events)} /> →{' '}
              <Selection events={after === null ? null : order(after)} />
            </li>
          )}
          {!modeChanged && added.length > 0 && (
            <li>
              Events added: <EventNames events={order(added)} />
            </li>
          )}
          {!modeChanged && removed.length > 0 && (
            <li>
              Events removed: <EventNames events={order(removed)} />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

const NAMED = 3;

/** "All events", or the events by name: a short selection in full, a long one counted. */
function Selection({ events }: { events: string[] | null }) {
  if (events === null) return <>All events</>;
  if (events.length === 0) return <>No events selected</>;
  if (events.length <= NAMED) return <EventNames events={events} />;
  return (
    <>
      {events.length} selected events (<EventNames events={events.slice(0, NAMED)} /> and{' '}
      {events.length - NAMED} more)
    </>
  );
}
