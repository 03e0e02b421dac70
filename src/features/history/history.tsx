import { useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { useEndpointHistory } from '../../api/endpoint-history';
import type { HistoryEntry } from '../../../contract/history';
import { LoadError } from '../../ui/load-error';
import { whatChanged, whenText, who } from './history-words';
import './history.css';

/** Entries shown at first, and added by each "Show more". */
export const HISTORY_PAGE = 20;

/**
 * The region **History**: who changed the endpoint, what and when, newest first, as the server
 * recorded it. A backend without the history route (a portal's, answering 404) shows no region.
 */
export function EndpointHistory({ endpointId }: { endpointId: string }) {
  const titleId = useId();
  const history = useEndpointHistory(endpointId);
  const [shown, setShown] = useState(HISTORY_PAGE);
  // Keyboard users land on the first entry "Show more" brought, not back at the page's top.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusAt !== null)
      list.current?.querySelectorAll<HTMLElement>(':scope > li')[focusAt]?.focus();
  }, [focusAt]);

  const { data, error } = history;
  if (isApiError(error) && error.kind === 'http' && error.status === 404) return null;
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  // "3 hours ago" counts from when the history was read: the same on every render.
  const now = history.dataUpdatedAt;

  let body;
  if (data === undefined) {
    body = error ? (
      <LoadError
        error={error}
        failedAt={history.errorUpdatedAt}
        title="The history could not be loaded"
        onRetry={() => void history.refetch()}
      />
    ) : (
      <p className="kwe-muted" role="status">
        Loading history…
      </p>
    );
  } else if (data.length === 0) {
    body = <p className="kwe-muted">No changes recorded yet</p>;
  } else {
    body = (
      <>
        <ol ref={list} className="kwe-history-list">
          {data.slice(0, shown).map((entry) => (
            <li key={`${entry.at}/${entry.request_id}/${entry.action}`} tabIndex={-1}>
              <Entry entry={entry} now={now} locale={locale} />
            </li>
          ))}
        </ol>
        {shown < data.length && (
          <button
            type="button"
            className="kwe-button"
            onClick={() => {
              setFocusAt(shown);
              setShown(shown + HISTORY_PAGE);
            }}
          >
            Show more
          </button>
        )}
      </>
    );
  }

  return (
    <section className="kwe-panel kwe-history" aria-labelledby={titleId}>
      <h3 id={titleId}>History</h3>
      {body}
    </section>
  );
}

function Entry({ entry, now, locale }: { entry: HistoryEntry; now: number; locale?: string }) {
  const when = whenText(entry.at, now, locale);
  return (
    <>
      <p>
        <bdi>{who(entry.actor)}</bdi> {whatChanged(entry, locale)}
        {entry.changes.changed_elsewhere && ' (found it changed by someone else first)'}
      </p>
      <p className="kwe-muted">
        {when === null ? <bdi>{entry.at}</bdi> : <time dateTime={entry.at}>{when}</time>}
        {' · '}request id <code>{entry.request_id}</code>
      </p>
    </>
  );
}
