import { useLingui } from '@lingui/react/macro';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { historyEntryKey, useEndpointHistory } from '../../api/endpoint-history';
import type { HistoryEntry } from '../../../contract/history';
import { LoadError } from '../../ui/load-error';
import { entryWhen, entryWords, whenText } from './history-words';
import './history.css';

/** Entries shown at first, and added by each "Show more". */
export const HISTORY_PAGE = 20;

/**
 * The region **History**: who changed the endpoint, what and when, newest first, as the server
 * recorded it. A backend without the history route (a portal's, answering 404) shows no region.
 */
export function EndpointHistory({ endpointId }: { endpointId: string }) {
  const { t, i18n } = useLingui();
  const titleId = useId();
  const [shown, setShown] = useState(HISTORY_PAGE);
  const { history, readMore } = useEndpointHistory(endpointId, shown);
  // "Show more" reads the next entries, then shows them: the entries on screen stay as they are
  // while they come, and where the read fails, with the failure said beside the button.
  const [more, setMore] = useState<{ error: unknown; at: number } | 'reading' | null>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the first entry "Show more" brought, if they are still at the button.
  const focusAt = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const at = focusAt.current;
    focusAt.current = null;
    if (at !== null) list.current?.querySelectorAll<HTMLElement>(':scope > li')[at]?.focus();
  }, [shown]);
  const showMore = () => {
    if (more === 'reading') return;
    setMore('reading');
    readMore(shown + HISTORY_PAGE).then(
      () => {
        const button = moreButton.current;
        // In a shadow root (the embed) the document's active element is the host.
        const root = button?.getRootNode() as Document | ShadowRoot | undefined;
        focusAt.current = button && root?.activeElement === button ? shown : null;
        setMore(null);
        setShown(shown + HISTORY_PAGE);
      },
      (error: unknown) => setMore({ error, at: Date.now() }),
    );
  };

  const { data, error } = history;
  if (isApiError(error) && error.kind === 'http' && error.status === 404) return null;
  // "3 hours ago" counts from when the history was read: the same on every render.
  const now = history.dataUpdatedAt;

  let body;
  if (data === undefined) {
    body = error ? (
      <LoadError
        error={error}
        failedAt={history.errorUpdatedAt}
        title={t`The history could not be loaded`}
        onRetry={() => void history.refetch()}
      />
    ) : (
      <p className="kwe-muted" role="status">
        {t`Loading history…`}
      </p>
    );
  } else if (data.length === 0) {
    body = <p className="kwe-muted">{t`No changes recorded yet`}</p>;
  } else {
    body = (
      <>
        <ol ref={list} className="kwe-history-list">
          {data.slice(0, shown).map((entry) => (
            <Entry
              key={historyEntryKey(entry)}
              entry={entry}
              when={whenText(entry.at, now, i18n)}
            />
          ))}
        </ol>
        {shown < data.length && (
          // Stays where it is while the next entries are read, so the focus stays on it.
          <button
            ref={moreButton}
            type="button"
            className="kwe-button"
            aria-disabled={more === 'reading' || undefined}
            onClick={showMore}
          >
            {t`Show more`}
          </button>
        )}
        {more === 'reading' ? (
          <p className="kwe-muted" role="status">
            {t`Loading history…`}
          </p>
        ) : (
          more && (
            <LoadError
              error={more.error}
              failedAt={more.at}
              title={t`The history could not be loaded`}
              onRetry={showMore}
            />
          )
        )}
      </>
    );
  }

  return (
    <section className="kwe-panel kwe-history" aria-labelledby={titleId}>
      <h3 id={titleId}>{t`History`}</h3>
      {body}
    </section>
  );
}

/**
 * One entry, rendered again only when its words change: each save reads the history again, and
 * the entries already shown come back as the same objects (endpoint-history.ts), with the same
 * `when` unless the clock moved on to other words.
 */
const Entry = memo(function Entry({ entry, when }: { entry: HistoryEntry; when: string | null }) {
  const { i18n } = useLingui();
  return (
    <li tabIndex={-1}>
      <p>{entryWords(i18n, entry)}</p>
      <p className="kwe-muted">{entryWhen(i18n, entry, when)}</p>
    </li>
  );
});
