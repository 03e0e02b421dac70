import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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
import { fieldErrorMessage } from '../../endpoint-form/field-errors';
import { useUrlRule } from '../../endpoint-form/url-rule';
import { useLocale } from '../../i18n/formats';
import { ELEMENT, withElement } from '../../i18n/with-element';
import { EventNames, joined } from '../../ui/event-names';
import { EventsAddedRemoved } from './server-change-list';
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
  const { t } = useLingui();
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
      <h3 id={titleId}>{t`Changes to save`}</h3>
      {!urlDiffers && !eventsChanged ? (
        <p className="kwe-muted">{t`No changes yet.`}</p>
      ) : (
        <ul>
          {urlDiffers && (
            <UrlChange
              before={endpoint.url}
              after={normalUrl(values.url)}
              invalid={urlCheck.ok ? null : urlCheck.reason}
            />
          )}
          {modeChanged && (
            <EventsChange
              before={endpoint.events.length === 0 ? null : order(endpoint.events)}
              after={after === null ? null : order(after)}
            />
          )}
          {!modeChanged && eventsChanged && (
            // Ordered only when there is something to list: the catalog is not walked per keystroke.
            <EventsAddedRemoved added={order(added)} removed={order(removed)} />
          )}
        </ul>
      )}
    </section>
  );
}

function UrlChange(props: { before: string; after: string; invalid: string | null }) {
  const { before, after, invalid } = props;
  const { i18n } = useLingui();
  const old = (
    <>
      <bdi className="kwe-old kwe-break" dir="ltr">
        {before}
      </bdi>
      <ReadsAs url={before} />
    </>
  );
  if (invalid !== null) {
    // Not a change to save: a save stops at the field's error and sends nothing.
    // The URL rule words its refusal in English (contract/): shown in the mount's language.
    const reason = fieldErrorMessage(i18n, invalid);
    const stays = (
      <bdi className="kwe-break" dir="ltr">
        {before}
      </bdi>
    );
    return (
      <li className="kwe-summary-invalid">
        <Trans>
          URL: <span className="kwe-error">not valid yet ({reason}).</span> It stays {stays} until
          it is corrected.
        </Trans>
      </li>
    );
  }
  const next = (
    <>
      <bdi className="kwe-new kwe-break" dir="ltr">
        {after}
      </bdi>
      <ReadsAs url={after} />
    </>
  );
  return (
    <li>
      <Trans>
        URL: {old} → {next}
      </Trans>
    </li>
  );
}

function EventsChange(props: { before: string[] | null; after: string[] | null }) {
  const from = <Selection events={props.before} />;
  const to = <Selection events={props.after} />;
  return (
    <li>
      <Trans>
        Events: {from} → {to}
      </Trans>
    </li>
  );
}

const NAMED = 3;

/** "All events", or the events by name: a short selection in full, a long one counted. */
function Selection({ events }: { events: string[] | null }) {
  const { t } = useLingui();
  const locale = useLocale();
  if (events === null) return t`All events`;
  if (events.length === 0) return t`No events selected`;
  if (events.length <= NAMED) return <EventNames events={events} />;
  const count = events.length;
  const more = count - NAMED;
  const names = ELEMENT; // the message's name for the first few types and how many more
  const shown = events.slice(0, NAMED).map((event) => (
    <code key={event} dir="ltr">
      {event}
    </code>
  ));
  return withElement(
    t`${plural(count, { one: '# selected event', other: '# selected events' })} (${names})`,
    joined([...shown, t`${plural(more, { one: '# more', other: '# more' })}`], locale),
  );
}
