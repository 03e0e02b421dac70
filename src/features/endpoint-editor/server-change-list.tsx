import { Trans, useLingui } from '@lingui/react/macro';
import { StatusBadge } from '../../ui/status-badge';
import { EventNames } from '../../ui/event-names';
import type { Subscription } from './merge-changes';
import type { ServerChange } from './server-changes';

export function ServerChangeList({ changes }: { changes: ServerChange[] }) {
  return (
    <ul>
      {changes.map((change) => (
        <ServerChangeItem key={change.kind} change={change} />
      ))}
    </ul>
  );
}

function ServerChangeItem({ change }: { change: ServerChange }) {
  switch (change.kind) {
    case 'url': {
      const from = (
        <code className="kwe-break" dir="ltr">
          {change.from}
        </code>
      );
      const to = (
        <code className="kwe-break" dir="ltr">
          {change.to}
        </code>
      );
      return (
        <li>
          <Trans>
            URL: {from} → {to}
          </Trans>
        </li>
      );
    }
    case 'events':
      return <EventsAddedRemoved added={change.added} removed={change.removed} />;
    case 'events-replaced': {
      const from = <SubscriptionWords events={change.from} />;
      const to = <SubscriptionWords events={change.to} />;
      return (
        <li>
          <Trans>
            Events: {from} → {to}
          </Trans>
        </li>
      );
    }
    case 'status': {
      const from = <StatusBadge status={change.from} />;
      const to = <StatusBadge status={change.to} />;
      return (
        <li>
          <Trans>
            Status: {from} → {to}
          </Trans>
        </li>
      );
    }
  }
}

/** "Events added: …" and "Events removed: …", the names joined as the language joins a list. */
export function EventsAddedRemoved({ added, removed }: { added: string[]; removed: string[] }) {
  const { t } = useLingui();
  return (
    <>
      {added.length > 0 && (
        <li>
          {t`Events added:`} <EventNames events={added} />
        </li>
      )}
      {removed.length > 0 && (
        <li>
          {t`Events removed:`} <EventNames events={removed} />
        </li>
      )}
    </>
  );
}

/** All events, or the events by name. */
export function SubscriptionWords({ events }: { events: Subscription }) {
  const { t } = useLingui();
  return events === 'all' ? t`All events` : <EventNames events={events} />;
}
