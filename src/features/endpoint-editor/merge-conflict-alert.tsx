import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { type ReactNode, useEffect, useRef } from 'react';
import type { ConflictReason, EndpointMerge } from './merge-changes';
import { SubscriptionWords } from './server-change-list';

type MergeConflictAlertProps = {
  merge: EndpointMerge;
  /** Who made the other change, when the server's history says so; null when it is not known. */
  actor: string | null;
  onOverwrite: () => void;
  onKeepTheirs: () => void;
  busy: boolean;
  autoFocus: boolean;
};

const WHY: Record<ConflictReason, MessageDescriptor | null> = {
  'both-changed': null,
  'would-be-empty': msg`Together, the two changes would leave no event selected, which Konpro reads as all events.`,
  'theirs-chose-all': msg`All events was chosen elsewhere, and you changed the selection.`,
  'theirs-removed': msg`You chose All events, and events were unticked elsewhere.`,
  'both-replaced': msg`All events was replaced with a different selection elsewhere.`,
};

/**
 * Both admins changed the same thing: nothing was sent, and the admin here decides. Keeping the
 * other admin's change is the safe choice, so it is the primary button; overwriting discards it.
 */
export function MergeConflictAlert(props: MergeConflictAlertProps) {
  const { merge, actor, onOverwrite, onKeepTheirs, busy, autoFocus } = props;
  const { t, i18n } = useLingui();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const { url, events } = merge;
  const why = events.kind === 'conflict' ? WHY[events.reason] : null;
  const what = url.kind !== 'conflict' ? 'events' : events.kind === 'conflict' ? 'both' : 'url';

  return (
    <div ref={ref} className="kwe-banner kwe-conflict" role="alert" tabIndex={-1}>
      <p className="kwe-banner-title">
        {actor === null ? (
          t`Someone else changed this endpoint while you were editing`
        ) : (
          <Trans>
            <bdi>{actor}</bdi> changed this endpoint while you were editing
          </Trans>
        )}
      </p>
      <dl className="kwe-facts">
        {url.kind === 'conflict' && (
          <>
            <dt>{t`Their URL`}</dt>
            <dd>
              <code className="kwe-break" dir="ltr">
                {url.theirs}
              </code>
            </dd>
            <dt>{t`Your URL`}</dt>
            <dd>
              <code className="kwe-break" dir="ltr">
                {url.mine}
              </code>
            </dd>
          </>
        )}
        {events.kind === 'conflict' && (
          <>
            <dt>{t`Their events`}</dt>
            <dd>
              <SubscriptionWords events={events.theirs} />
            </dd>
            <dt>{t`Your events`}</dt>
            <dd>
              <SubscriptionWords events={events.mine} />
            </dd>
          </>
        )}
      </dl>
      {why && <p>{i18n._(why)}</p>}
      <p>
        <Discards actor={actor} what={what} />
      </p>
      <div className="kwe-actions">
        <button
          type="button"
          className="kwe-button kwe-primary"
          onClick={onKeepTheirs}
          disabled={busy}
        >
          {t`Keep theirs`}
        </button>
        <button
          type="button"
          className="kwe-button kwe-danger"
          onClick={onOverwrite}
          disabled={busy}
        >
          {t`Overwrite with mine`}
        </button>
      </div>
    </div>
  );
}

/** What Overwrite with mine throws away, and whose it is: one whole sentence per case. */
function Discards({ actor, what }: { actor: string | null; what: 'url' | 'events' | 'both' }) {
  let sentence: ReactNode;
  if (actor === null) {
    if (what === 'url')
      sentence = (
        <Trans>
          Nothing was sent: your change and theirs cannot both be kept.{' '}
          <strong>Overwrite with mine</strong> discards their URL.
        </Trans>
      );
    else if (what === 'events')
      sentence = (
        <Trans>
          Nothing was sent: your change and theirs cannot both be kept.{' '}
          <strong>Overwrite with mine</strong> discards their events.
        </Trans>
      );
    else
      sentence = (
        <Trans>
          Nothing was sent: your change and theirs cannot both be kept.{' '}
          <strong>Overwrite with mine</strong> discards their URL and events.
        </Trans>
      );
  } else if (what === 'url')
    sentence = (
      <Trans>
        Nothing was sent: your change and theirs cannot both be kept.{' '}
        <strong>Overwrite with mine</strong> discards <bdi>{actor}</bdi>’s URL.
      </Trans>
    );
  else if (what === 'events')
    sentence = (
      <Trans>
        Nothing was sent: your change and theirs cannot both be kept.{' '}
        <strong>Overwrite with mine</strong> discards <bdi>{actor}</bdi>’s events.
      </Trans>
    );
  else
    sentence = (
      <Trans>
        Nothing was sent: your change and theirs cannot both be kept.{' '}
        <strong>Overwrite with mine</strong> discards <bdi>{actor}</bdi>’s URL and events.
      </Trans>
    );
  return sentence;
}
