import { useEffect, useRef } from 'react';
import type { ConflictReason, EndpointMerge } from './merge-changes';
import { describeSubscription } from './server-change-list';

type MergeConflictAlertProps = {
  merge: EndpointMerge;
  /** Who made the other change, when the server's history says so; null when it is not known. */
  actor: string | null;
  onOverwrite: () => void;
  onKeepTheirs: () => void;
  busy: boolean;
  autoFocus: boolean;
};

const WHY: Record<ConflictReason, string> = {
  'both-changed': '',
  'would-be-empty':
    'Together, the two changes would leave no event selected, which Konpro reads as all events.',
  'theirs-chose-all': 'All events was chosen elsewhere, and you changed the selection.',
  'theirs-removed': 'You chose All events, and events were unticked elsewhere.',
  'both-replaced': 'All events was replaced with a different selection elsewhere.',
};

/**
 * Both admins changed the same thing: nothing was sent, and the admin here decides. Keeping the
 * other admin's change is the safe choice, so it is the primary button; overwriting discards it.
 */
export function MergeConflictAlert(props: MergeConflictAlertProps) {
  const { merge, actor, onOverwrite, onKeepTheirs, busy, autoFocus } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const { url, events } = merge;

  return (
    <div ref={ref} className="kwe-banner kwe-conflict" role="alert" tabIndex={-1}>
      <p className="kwe-banner-title">
        {actor === null ? 'Someone else' : <bdi>{actor}</bdi>} changed this endpoint while you were
        editing
      </p>
      <dl className="kwe-facts">
        {url.kind === 'conflict' && (
          <>
            <dt>Their URL</dt>
            <dd>
              <code className="kwe-break">{url.theirs}</code>
            </dd>
            <dt>Your URL</dt>
            <dd>
              <code className="kwe-break">{url.mine}</code>
            </dd>
          </>
        )}
        {events.kind === 'conflict' && (
          <>
            <dt>Their events</dt>
            <dd>{describeSubscription(events.theirs)}</dd>
            <dt>Your events</dt>
            <dd>{describeSubscription(events.mine)}</dd>
          </>
        )}
      </dl>
      {events.kind === 'conflict' && <p>{WHY[events.reason]}</p>}
      <p>
        Nothing was sent: your change and theirs cannot both be kept.{' '}
        <strong>Overwrite with mine</strong> discards {actor === null ? 'their' : `${actor}’s`}{' '}
        {url.kind !== 'conflict' ? 'events' : events.kind === 'conflict' ? 'URL and events' : 'URL'}
        .
      </p>
      <div className="kwe-actions">
        <button
          type="button"
          className="kwe-button kwe-primary"
          onClick={onKeepTheirs}
          disabled={busy}
        >
          Keep theirs
        </button>
        <button
          type="button"
          className="kwe-button kwe-danger"
          onClick={onOverwrite}
          disabled={busy}
        >
          Overwrite with mine
        </button>
      </div>
    </div>
  );
}
