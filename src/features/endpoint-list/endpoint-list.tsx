import { type MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import {
  memo,
  useCallback,
  useContext,
  useDeferredValue,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { endpointsQueryOptions } from '../../api/endpoints';
import type { Endpoint } from '../../../contract/schemas';
import { asciiUrl } from '../../../contract/ascii-url';
import { Announcement } from '../../ui/announcement';
import { usePageTitle } from '../../ui/page-title';
import { reservedHeight, useRememberedHeight } from '../../ui/reserved-height';
import { useViewFocus, useViewHeadingRef } from '../../ui/view-focus';
import { useDraftOwner } from '../../drafts/draft-owner';
import { hasUnsavedDraft } from '../../drafts/draft-storage';
import { useReportError } from '../../api/editor-events';
import {
  type ListQuery,
  type SortOrder,
  SORT_LABELS,
  applyListQuery,
  indexEndpoints,
  isSortOrder,
  statusesOf,
} from './list-query';
import { LoadError } from '../../ui/load-error';
import { LoadingStatus } from '../../ui/loading-status';
import { StatusBadge } from '../../ui/status-badge';
import { ReadUrlContext, ReadsAs, breakable } from '../../ui/reads-as';
import { statusLabel } from '../../ui/status-label';
import { formatDate, formatNumber, useLocale } from '../../i18n/formats';
import { ELEMENT, withElement } from '../../i18n/with-element';

/** Rows drawn at first and per "Show more": a long account stays quick to draw and to search. */
const PAGE = 100;

type EndpointListProps = {
  onOpen: (endpointId: string) => void;
  /** Absent when the host has switched adding off. */
  onAdd?: (() => void) | undefined;
  query: ListQuery;
  onQueryChange: (query: ListQuery) => void;
  /** The endpoint just deleted, said once above the list. */
  deleted?: { endpoint: Endpoint; alreadyGone: boolean } | null;
};

export function EndpointList({ onOpen, onAdd, query, onQueryChange, deleted }: EndpointListProps) {
  const { t, i18n } = useLingui();
  const locale = useLocale();
  const id = useId();
  const client = useApiClient();
  const endpoints = useQuery(endpointsQueryOptions(client));
  useReportError(endpoints.error);
  usePageTitle(t`Webhook endpoints`);
  const [shownCount, setShownCount] = useState(PAGE);
  // The ID last copied, and whether the clipboard took it.
  const [copied, setCopied] = useState<[string, boolean] | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  // Typing stays quick with hundreds of endpoints: the rows follow a moment later if they must.
  const deferredQuery = useDeferredValue(query);
  const read = useContext(ReadUrlContext);
  const index = useMemo(() => indexEndpoints(endpoints.data ?? [], read), [endpoints.data, read]);
  const matches = useMemo(() => applyListQuery(index, deferredQuery), [index, deferredQuery]);
  const rows = matches.slice(0, shownCount);
  const owner = useDraftOwner();
  const drafts = useMemo(
    () =>
      new Set(endpoints.data?.filter((e) => hasUnsavedDraft(owner, e)).map((e) => e.endpoint_id)),
    [endpoints.data, owner],
  );

  const viewFocus = useViewFocus();
  // Back from an endpoint, its link takes focus (and so comes into view); the heading only when
  // that endpoint is not shown.
  const { returnTo } = viewFocus;
  const linkWillFocus = returnTo !== null && rows.some((e) => e.endpoint_id === returnTo);
  const headingRef = useViewHeadingRef(
    returnTo === null || (endpoints.data !== undefined && !linkWillFocus),
  );
  const section = useRememberedHeight<HTMLElement>('list', endpoints.data !== undefined);
  const total = endpoints.data?.length ?? 0;
  // Said of the rows shown, which follow the deferred query.
  const filtered = deferredQuery.search.trim() !== '' || deferredQuery.status !== '';
  const url = ELEMENT; // the message's name for the deleted endpoint's URL
  const shown = formatNumber(locale, matches.length);
  const more = formatNumber(locale, Math.min(PAGE, matches.length - rows.length));
  // The rows are memoised and their callbacks stable, so a keystroke in the search renders the
  // rows that come or go, not the hundred that stay.
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  }, [onOpen]);
  const open = useCallback((endpointId: string) => latestOnOpen.current(endpointId), []);
  const change = (next: Partial<ListQuery>) => {
    setShownCount(PAGE);
    onQueryChange({ ...query, ...next });
  };

  return (
    <section
      ref={section}
      className="kwe-list"
      aria-labelledby={`${id}-title`}
      style={endpoints.isPending ? { minHeight: reservedHeight('list') } : undefined}
    >
      <div className="kwe-list-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t`Webhook endpoints`}
        </h2>
        {onAdd && (
          <a
            className="kwe-button kwe-primary"
            href="?new"
            onClick={(event) => {
              event.preventDefault();
              onAdd();
            }}
          >
            {t`Add endpoint`}
          </a>
        )}
      </div>
      <Announcement className="kwe-status-line">
        {deleted && (
          <>
            {/* The list page carries no <Trans>: the URL goes where the language puts it. */}
            {withElement(
              t`Deleted ${url}.`,
              <>
                <bdi dir="ltr">{asciiUrl(deleted.endpoint.url)}</bdi>
                <ReadsAs url={deleted.endpoint.url} />
              </>,
            )}
            {deleted.alreadyGone &&
              ` ${t`It had already been deleted elsewhere, so nothing else changed.`}`}
          </>
        )}
      </Announcement>
      {endpoints.isPending && (
        <LoadingStatus
          label={t`Loading endpoints…`}
          failureCount={endpoints.failureCount}
          failureReason={endpoints.failureReason}
        />
      )}
      {endpoints.isError && (
        <LoadError
          error={endpoints.error}
          failedAt={endpoints.errorUpdatedAt}
          title={t`The endpoints could not be loaded`}
          onRetry={() => void endpoints.refetch()}
        />
      )}
      {endpoints.data?.length === 0 && (
        // One way to add, the heading's: a second button here said the same thing twice.
        <div className="kwe-empty">
          <p className="kwe-empty-title">{t`This account has no webhook endpoints yet.`}</p>
          <p>
            {onAdd
              ? t`Add one to have Konpro send events to a URL of yours.`
              : t`Endpoints added to this account will show here.`}
          </p>
        </div>
      )}
      {endpoints.data && total > 0 && (
        <>
          <div role="search" className="kwe-list-tools">
            <label className="kwe-tool kwe-tool-search">
              <span>{t`Search endpoints`}</span>
              <input
                ref={searchBox}
                type="search"
                className="kwe-input"
                value={query.search}
                placeholder={t`URL or ID`}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => change({ search: event.target.value })}
              />
            </label>
            <label className="kwe-tool">
              <span>{t`Status`}</span>
              <select
                className="kwe-input"
                value={query.status}
                onChange={(event) => change({ status: event.target.value })}
              >
                <option value="">{t`All statuses`}</option>
                {statusesOf(endpoints.data).map((status) => (
                  <option key={status} value={status}>
                    {statusLabel(i18n, status)}
                  </option>
                ))}
              </select>
            </label>
            <label className="kwe-tool">
              <span>{t`Sort by`}</span>
              <select
                className="kwe-input"
                value={query.sort}
                onChange={(event) => {
                  if (isSortOrder(event.target.value)) change({ sort: event.target.value });
                }}
              >
                {Object.entries(SORT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {i18n._(label)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="kwe-muted" role="status">
            {filtered
              ? t`${shown} of ${plural(total, { one: '# endpoint', other: '# endpoints' })} match`
              : t`${plural(total, { one: '# endpoint', other: '# endpoints' })}`}
          </p>
          {matches.length === 0 ? (
            <div className="kwe-empty">
              <p>{t`No endpoint matches this search.`}</p>
              <button
                type="button"
                className="kwe-button"
                onClick={() => {
                  change({ search: '', status: '' });
                  searchBox.current?.focus(); // the button goes with the empty result
                }}
              >
                {t`Clear search and filter`}
              </button>
            </div>
          ) : (
            <table className="kwe-table" role="table" aria-labelledby={`${id}-title`}>
              {/* The roles are the elements' own, said again: a browser may drop a table's
                  semantics once CSS lays its rows out as cards. */}
              <thead role="rowgroup">
                <tr role="row">
                  {COLUMNS.map(([column, sortBy]) => {
                    const name = i18n._(column);
                    const sorted = sortBy?.includes(query.sort) === true;
                    return (
                      <th
                        key={column.id}
                        scope="col"
                        role="columnheader"
                        aria-sort={sorted ? SORT_DIRECTIONS[query.sort] : undefined}
                      >
                        {sortBy ? (
                          <button
                            type="button"
                            className="kwe-sort"
                            // Created turns between newest and oldest; the others have one order.
                            onClick={() =>
                              change({
                                sort: sortBy[Number(query.sort === sortBy[0])] ?? sortBy[0],
                              })
                            }
                          >
                            {name}
                          </button>
                        ) : (
                          name
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {rows.map((endpoint, row) => (
                  <EndpointRow
                    key={endpoint.endpoint_id}
                    endpoint={endpoint}
                    draftId={drafts.has(endpoint.endpoint_id) ? `${id}-draft-${row}` : null}
                    returnsHere={endpoint.endpoint_id === returnTo}
                    onOpen={open}
                    copied={copied?.[0] === endpoint.endpoint_id ? copied[1] : null}
                    onCopy={setCopied}
                  />
                ))}
              </tbody>
            </table>
          )}
          {matches.length > rows.length && (
            <button
              type="button"
              className="kwe-button kwe-more"
              onClick={() => setShownCount((count) => count + PAGE)}
            >
              {/* The count once: the list's heading already says how many there are. */}
              {t`Show ${more} more`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The columns, and the orders a click on a sortable one's heading takes, first to second. */
const COLUMNS: [MessageDescriptor, SortOrder[]?][] = [
  [msg`URL`, ['url']],
  [msg`Status`, ['status']],
  [msg`Events`],
  [msg`ID`],
  [msg`Created`, ['newest', 'oldest']],
];

const SORT_DIRECTIONS: Record<SortOrder, 'ascending' | 'descending' | 'other'> = {
  url: 'ascending',
  newest: 'descending',
  oldest: 'ascending',
  status: 'other', // enabled first, then the others by name
};

type EndpointRowProps = {
  endpoint: Endpoint;
  draftId: string | null;
  /** Back from this endpoint: its link takes focus. */
  returnsHere: boolean;
  onOpen: (endpointId: string) => void;
  /** Whether this row's ID was just copied (false: the clipboard refused), or null. */
  copied: boolean | null;
  onCopy: (copied: [endpointId: string, ok: boolean]) => void;
};

/** Memoised: renders when its own endpoint, draft, focus or copy state changes. */
const EndpointRow = memo(function EndpointRow(props: EndpointRowProps) {
  const { endpoint, draftId, returnsHere, onOpen, copied, onCopy } = props;
  const { t } = useLingui();
  const locale = useLocale();
  const viewFocus = useViewFocus();
  const events = endpoint.events.length;
  const id = endpoint.endpoint_id;
  const copyWord = copied === null ? t`Copy` : copied ? t`Copied` : t`Not copied`;
  const copyLabel =
    copied === null ? t`Copy ID ${id}` : copied ? t`Copied ID ${id}` : t`Not copied ID ${id}`;
  return (
    <tr role="row">
      {/* Two lines at most: the whole URL is the link's name, the cell's tooltip (on the cell, so
          it is not read out twice as the link's description) and the editor's field. */}
      <td role="cell" className="kwe-cell-url" title={asciiUrl(endpoint.url)}>
        <a
          ref={(link) => {
            if (link && returnsHere) viewFocus.claim(link);
          }}
          className="kwe-card-link kwe-break"
          aria-describedby={draftId ?? undefined}
          href={`?endpoint_id=${encodeURIComponent(endpoint.endpoint_id)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpen(endpoint.endpoint_id);
          }}
        >
          {breakable(asciiUrl(endpoint.url))}
        </a>
        <ReadsAs url={endpoint.url} />
        {draftId !== null && (
          <span id={draftId} className="kwe-badge kwe-badge-draft">
            {t`Unsaved changes`}
          </span>
        )}
      </td>
      <td role="cell">
        <StatusBadge status={endpoint.status} />
      </td>
      <td role="cell">
        {events === 0 ? t`All events` : t`${plural(events, { one: '# event', other: '# events' })}`}
      </td>
      <td role="cell">
        <code className="kwe-muted" dir="ltr">
          {id}
        </code>
        <button
          type="button"
          className="kwe-link-button kwe-copy"
          aria-label={copyLabel}
          onClick={() => {
            navigator.clipboard.writeText(id).then(
              () => onCopy([id, true]),
              () => onCopy([id, false]),
            );
          }}
        >
          {copyWord}
        </button>
      </td>
      <td role="cell" className="kwe-muted">
        {/* A card has no column heading above its date: it says what the date is. */}
        <span className="kwe-card-label">{t`Created`} </span>
        {createdDate(locale, endpoint.created_at)}
      </td>
    </tr>
  );
});

function createdDate(locale: string, value: string | undefined): string {
  const time = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(time) ? '—' : formatDate(locale, time);
}
