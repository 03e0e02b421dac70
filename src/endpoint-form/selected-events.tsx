import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useId, useRef } from 'react';
import { formatNumber, useLocale } from '../i18n/formats';

type SelectedEventsProps = {
  /** The ticked events, in catalog order. */
  events: string[];
  /** How many event types there are to choose from. */
  total: number;
  onRemove: (eventType: string) => void;
  /** Turns on "Show selected only", for a selection longer than the short list. */
  onShowAll: (() => void) | null;
  /** Where focus goes when the last one is removed. */
  onEmptied: () => void;
};

const SHORT_LIST = 6;

/** What is ticked, at a glance above the groups, each with a button to untick it. */
export function SelectedEvents(props: SelectedEventsProps) {
  const { events, total, onRemove, onShowAll, onEmptied } = props;
  const { t } = useLingui();
  const locale = useLocale();
  const checked = formatNumber(locale, events.length);
  const labelId = useId();
  const list = useRef<HTMLUListElement>(null);
  const shown = events.slice(0, SHORT_LIST);
  const more = events.length - shown.length;

  // The pressed button disappears: its neighbour (or the search box) takes focus, not the page.
  const remove = (eventType: string, index: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.kwe-chip');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    onRemove(eventType);
    if (next) next.focus();
    else onEmptied();
  };

  return (
    <div className="kwe-selected" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="kwe-count" aria-live="polite">
        {t`${checked} of ${plural(total, { one: '# selected', other: '# selected' })}`}
      </p>
      {events.length > 0 && (
        <ul ref={list} className="kwe-chips">
          {shown.map((eventType, index) => (
            <li key={eventType}>
              <button
                type="button"
                className="kwe-chip"
                aria-label={t`Remove ${eventType}`}
                onClick={() => remove(eventType, index)}
              >
                <code dir="ltr">{eventType}</code>
                <span aria-hidden="true" className="kwe-chip-x">
                  ×
                </span>
              </button>
            </li>
          ))}
          {more > 0 && (
            <li>
              {onShowAll ? (
                <button type="button" className="kwe-link-button" onClick={onShowAll}>
                  {t`and ${plural(more, { one: '# more', other: '# more' })}: show all ${checked}`}
                </button>
              ) : (
                <span className="kwe-muted">
                  {t`and ${plural(more, { one: '# more', other: '# more' })}, listed below`}
                </span>
              )}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
