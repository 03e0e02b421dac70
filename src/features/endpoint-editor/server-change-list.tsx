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
    case 'url':
      return (
        <li>
          URL: <code className="kwe-break">{change.from}</code> →{' '}
          <code className="kwe-break">{change.to}</code>
        </li>
      );
    case 'events':
      return (
        <>
          {change.added.length > 0 && (
            <li>
              Events added: <EventNames events={change.added} />
            </li>
          )}
          {change.removed.length > 0 && (
            <li>
              Events removed: <EventNames events={change.removed} />
            </li>
          )}
        </>
      );
    case 'events-replaced':
      return (
        <li>
          Events: {describeSubscription(change.from)} → {describeSubscription(change.to)}
        </li>
      );
    case 'status':
      return (
        <li>
          Status: {change.from} → {change.to}
        </li>
      );
  }
}

export function describeSubscription(events: Subscription) {
  if (events === 'all') return 'All events';
  return <EventNames events={events} />;
}

export function EventNames({ events }: { events: readonly string[] }) {
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
