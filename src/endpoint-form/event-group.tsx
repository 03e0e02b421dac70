import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { memo, useId } from 'react';
import { formatNumber, useLocale } from '../i18n/formats';
import type { EventGroup } from './event-groups';
import { EventRow, type Update } from './event-row';

type EventGroupProps = {
  group: EventGroup;
  /** The group's events on screen: all of them, or those a filter lets through. */
  shown: string[];
  /** Under a search or "Show selected only" every group is open and cannot close. */
  filtering: boolean;
  expanded: boolean;
  selectedSet: ReadonlySet<string>;
  onChange: (update: Update) => void;
  onToggle: (name: string) => void;
};

/** Re-renders only when its own boxes, what it shows or whether it is open change. */
export const EventGroupView = memo(GroupView, (before, after) => {
  const same =
    before.group === after.group &&
    before.onChange === after.onChange &&
    before.onToggle === after.onToggle &&
    before.filtering === after.filtering &&
    before.expanded === after.expanded &&
    sameList(before.shown, after.shown);
  return (
    same &&
    before.group.events.every(
      (event) => before.selectedSet.has(event) === after.selectedSet.has(event),
    )
  );
});

function GroupView(props: EventGroupProps) {
  const { group, shown, filtering, expanded, selectedSet, onChange, onToggle } = props;
  const { t } = useLingui();
  const locale = useLocale();
  const id = useId();
  const [single] = group.events;
  if (group.events.length === 1 && single !== undefined && !group.retired) {
    // A group of one needs no heading or select-all: its box is the whole group.
    return (
      <li className="kwe-group kwe-group-single">
        <EventRow eventType={single} checked={selectedSet.has(single)} onChange={onChange} />
      </li>
    );
  }
  const checkedCount = group.events.filter((event) => selectedSet.has(event)).length;
  const checked = formatNumber(locale, checkedCount);
  const total = group.events.length;
  const onScreen = shown.length;
  // Counts are always of the whole group; under a filter, how many of them are on screen too.
  const counts = (
    <span className="kwe-group-count">
      {filtering && onScreen < total
        ? t`${checked} of ${plural(total, { one: '# selected', other: '# selected' })} · ${plural(onScreen, { one: '# shown', other: '# shown' })}`
        : t`${checked} of ${plural(total, { one: '# selected', other: '# selected' })}`}
    </span>
  );
  // A resource's name is an identifier, read left to right; the retired group's is words.
  const name = (
    <span id={`${id}-name`} className="kwe-group-name" dir={group.retired ? undefined : 'ltr'}>
      {group.retired ? t`No longer offered` : group.name}
    </span>
  );
  const open = filtering || expanded;
  const bodyId = `${id}-body`;
  return (
    <li className="kwe-group">
      <div role="group" aria-labelledby={`${id}-name`}>
        {filtering ? (
          <div className="kwe-group-head">
            {name} {counts}
          </div>
        ) : (
          <button
            type="button"
            className="kwe-group-head kwe-group-toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? bodyId : undefined}
            onClick={() => onToggle(group.name)}
          >
            <span className="kwe-chevron" aria-hidden="true" />
            {name} {counts}
          </button>
        )}
        {open && (
          <div id={bodyId} className="kwe-group-body">
            {shown.length > 1 && (
              <SelectShown
                group={group}
                targets={filtering ? shown : group.events}
                filtering={filtering}
                selectedSet={selectedSet}
                onChange={onChange}
              />
            )}
            <ul className="kwe-events">
              {shown.map((eventType) => (
                <li key={eventType}>
                  <EventRow
                    eventType={eventType}
                    checked={selectedSet.has(eventType)}
                    onChange={onChange}
                  />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}

type SelectShownProps = {
  group: EventGroup;
  /** What the box ticks and unticks: the whole group, or only the events a filter shows. */
  targets: string[];
  filtering: boolean;
  selectedSet: ReadonlySet<string>;
  onChange: (update: Update) => void;
};

/** "Select all" says what it does: under a filter it ticks only the events on screen. */
function SelectShown({ group, targets, filtering, selectedSet, onChange }: SelectShownProps) {
  const { t } = useLingui();
  const name = group.retired ? t`No longer offered` : group.name;
  const count = targets.length;
  const checkedCount = targets.filter((event) => selectedSet.has(event)).length;
  const allChecked = checkedCount === targets.length;
  const toggle = () =>
    onChange((current) => {
      const affected = new Set(targets);
      const without = current.filter((event) => !affected.has(event));
      return allChecked ? without : [...without, ...targets];
    });
  return (
    <label className="kwe-check kwe-check-all">
      <input
        type="checkbox"
        checked={allChecked}
        ref={(input) => {
          if (input) input.indeterminate = checkedCount > 0 && !allChecked;
        }}
        onChange={toggle}
      />
      {filtering ? (
        // Seen: what it ticks on screen; heard: which group's events, as one sentence each.
        <span>
          <span aria-hidden="true">
            {t`Select the ${plural(count, { one: '# shown', other: '# shown' })}`}
          </span>
          <span className="kwe-visually-hidden">
            {t`Select the ${plural(count, { one: '# shown', other: '# shown' })} ${name} events`}
          </span>
        </span>
      ) : (
        <span>{t`Select all ${name} events`}</span>
      )}
    </label>
  );
}

function sameList(a: string[], b: string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}
