import { useLingui } from '@lingui/react/macro';
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { EventGroupView } from './event-group';
import {
  catalogRank,
  filterGroups,
  groupEvents,
  inCatalogOrder,
  isFiltering,
  retiredGroup,
} from './event-groups';
import type { Update } from './event-row';
import { SelectedEvents } from './selected-events';
import { ELEMENT, withElement } from '../i18n/with-element';

type EventChecklistProps = {
  catalog: string[];
  selected: string[];
  /** Receives an updater so that rows keep one stable callback and only changed rows re-render. */
  onChange: (update: Update) => void;
  /** The skip link's target: what follows the checklist. */
  skipTo: { href: string; focus: () => void };
};

export function EventChecklist({ catalog, selected, onChange, skipTo }: EventChecklistProps) {
  const { t } = useLingui();
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // "Show selected only" keeps what was ticked when it was turned on, so unticking a box does not
  // pull it from under the pointer: it stays, unticked, until the filter is turned off.
  const [onlyFrom, setOnlyFrom] = useState<ReadonlySet<string> | null>(null);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  // Groups keep their identity while boxes are ticked, so an untouched group can skip rendering.
  const catalogGroups = useMemo(() => groupEvents(catalog), [catalog]);
  const retired = useMemo(() => retiredGroup(catalog, selected), [catalog, selected]);
  const groups = useMemo(
    () => (retired ? [...catalogGroups, retired] : catalogGroups),
    [catalogGroups, retired],
  );
  // Groups open at first where something is ticked; the rest show one line with their count.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () =>
      new Set(groups.filter((g) => g.events.some((e) => selectedSet.has(e))).map((g) => g.name)),
  );
  const only = useMemo(
    () => (onlyFrom === null ? null : new Set([...onlyFrom, ...selected])),
    [onlyFrom, selected],
  );
  const visible = useMemo(
    () => filterGroups(groups, { query: deferredQuery, only }),
    [groups, deferredQuery, only],
  );
  const filtering = isFiltering({ query: deferredQuery, only });
  const searched = deferredQuery.trim();
  const typed = ELEMENT; // the messages' name for the search, shown as typed
  const ordered = useMemo(() => inCatalogOrder(selected, catalog), [selected, catalog]);
  // Every type on offer, and those ticked that the catalog no longer offers.
  const total = catalogRank(catalog).size + new Set(retired?.events).size;
  const collapsible = groups.filter((group) => group.events.length > 1);
  const allOpen = collapsible.every((group) => expanded.has(group.name));

  const toggleGroup = useCallback(
    (name: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );
  const showSelectedOnly = (on: boolean) => setOnlyFrom(on ? new Set(selected) : null);
  const remove = (eventType: string) =>
    onChange((current) => current.filter((event) => event !== eventType));

  return (
    <div className="kwe-checklist">
      <a
        className="kwe-skip"
        href={skipTo.href}
        onClick={(event) => {
          event.preventDefault();
          skipTo.focus();
        }}
      >
        {t`Skip the event list`}
      </a>
      <SelectedEvents
        events={ordered}
        total={total}
        onRemove={remove}
        onShowAll={onlyFrom === null ? () => showSelectedOnly(true) : null}
        onEmptied={() => search.current?.focus()}
      />
      <div className="kwe-checklist-bar">
        <div className="kwe-search">
          <label htmlFor={`${id}-search`}>{t`Search events`}</label>
          <input
            ref={search}
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <label className="kwe-check kwe-only-selected">
          <input
            type="checkbox"
            checked={onlyFrom !== null}
            onChange={(event) => showSelectedOnly(event.target.checked)}
          />
          {t`Show selected only`}
        </label>
        <button
          type="button"
          className="kwe-link-button"
          disabled={filtering}
          onClick={() =>
            setExpanded(allOpen ? new Set() : new Set(collapsible.map((group) => group.name)))
          }
        >
          {allOpen ? t`Collapse all groups` : t`Expand all groups`}
        </button>
      </div>
      {visible.length === 0 ? (
        <p className="kwe-muted">
          {searched === ''
            ? t`No event is selected.`
            : withElement(
                only
                  ? t`No event types match “${typed}” among the selected.`
                  : t`No event types match “${typed}”.`,
                <bdi>{searched}</bdi>,
              )}
        </p>
      ) : (
        <ul className="kwe-groups">
          {visible.map(({ group, shown }) => (
            <EventGroupView
              key={group.name}
              group={group}
              shown={shown}
              filtering={filtering}
              expanded={expanded.has(group.name)}
              selectedSet={selectedSet}
              onChange={onChange}
              onToggle={toggleGroup}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
