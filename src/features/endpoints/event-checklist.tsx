import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { type EventGroup, filterGroups, groupEvents, retiredGroup } from './event-groups';

type Update = (current: string[]) => string[];

type EventChecklistProps = {
  catalog: string[];
  selected: string[];
  /** Receives an updater so that rows keep one stable callback and only changed rows re-render. */
  onChange: (update: Update) => void;
};

export function EventChecklist({ catalog, selected, onChange }: EventChecklistProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searchId = useId();
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  // Groups keep their identity while boxes are ticked, so an untouched group can skip rendering.
  const catalogGroups = useMemo(() => groupEvents(catalog), [catalog]);
  const retired = useMemo(() => retiredGroup(catalog, selected), [catalog, selected]);
  const groups = useMemo(
    () => (retired ? [...catalogGroups, retired] : catalogGroups),
    [catalogGroups, retired],
  );
  const visible = useMemo(() => filterGroups(groups, deferredQuery), [groups, deferredQuery]);
  const total = new Set([...catalog, ...selected]).size;

  return (
    <div className="kwe-checklist">
      <div className="kwe-checklist-bar">
        <label htmlFor={searchId}>Search events</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="kwe-count" aria-live="polite">
          {selectedSet.size} of {total} selected
        </p>
      </div>
      {visible.length === 0 ? (
        <p className="kwe-muted">No event types match “{deferredQuery.trim()}”.</p>
      ) : (
        visible.map((group) => (
          <EventGroupFieldset
            key={group.name}
            group={group}
            selectedSet={selectedSet}
            onChange={onChange}
          />
        ))
      )}
    </div>
  );
}

type GroupProps = { group: EventGroup; selectedSet: Set<string>; onChange: (u: Update) => void };

/** Re-renders only when one of its own boxes changes, not on every tick elsewhere. */
const EventGroupFieldset = memo(GroupFieldset, (before, after) => {
  if (before.group !== after.group || before.onChange !== after.onChange) return false;
  return before.group.events.every(
    (event) => before.selectedSet.has(event) === after.selectedSet.has(event),
  );
});

function GroupFieldset({ group, selectedSet, onChange }: GroupProps) {
  const checkedCount = group.events.filter((e) => selectedSet.has(e)).length;
  const allChecked = checkedCount === group.events.length;
  const toggleAll = () =>
    onChange((current) => {
      const without = current.filter((e) => !group.events.includes(e));
      return allChecked ? without : [...without, ...group.events];
    });
  return (
    <fieldset className="kwe-group">
      <legend>
        {group.name}{' '}
        <span className="kwe-muted">
          ({checkedCount}/{group.events.length})
        </span>
      </legend>
      {group.events.length > 1 && (
        <label className="kwe-check kwe-check-all">
          <input
            type="checkbox"
            checked={allChecked}
            ref={(input) => {
              if (input) input.indeterminate = checkedCount > 0 && !allChecked;
            }}
            onChange={toggleAll}
          />
          Select all {group.name} events
        </label>
      )}
      <ul className="kwe-events">
        {group.events.map((eventType) => (
          <EventRow
            key={eventType}
            eventType={eventType}
            checked={selectedSet.has(eventType)}
            onChange={onChange}
          />
        ))}
      </ul>
    </fieldset>
  );
}

type RowProps = { eventType: string; checked: boolean; onChange: (u: Update) => void };

const EventRow = memo(function EventRow({ eventType, checked, onChange }: RowProps) {
  const toggle = () =>
    onChange((current) =>
      current.includes(eventType)
        ? current.filter((e) => e !== eventType)
        : [...current, eventType],
    );
  return (
    <li>
      <label className="kwe-check">
        <input type="checkbox" checked={checked} onChange={toggle} />
        <code>
          <EventName eventType={eventType} />
        </code>
      </label>
    </li>
  );
});

/** Lets a long event type wrap after its dots rather than in the middle of a word. */
function EventName({ eventType }: { eventType: string }) {
  const parts = eventType.split('.');
  return parts.map((part, index) => (
    <span key={index}>
      {index > 0 && '.'}
      {index > 0 && <wbr />}
      {part}
    </span>
  ));
}
