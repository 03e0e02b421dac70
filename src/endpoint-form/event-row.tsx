import { memo, useId } from 'react';
import { useLingui } from '@lingui/react/macro';
import { describeEvent } from './event-descriptions';

export type Update = (current: string[]) => string[];

type EventRowProps = { eventType: string; checked: boolean; onChange: (update: Update) => void };

/**
 * One event type. The checkbox is named by the type alone (`aria-labelledby`), so its name is
 * exactly the type; the description, when the type has one, is its description. The type reads
 * left to right in every language; its description is in the mount's.
 */
export const EventRow = memo(function EventRow({ eventType, checked, onChange }: EventRowProps) {
  const { i18n } = useLingui();
  const id = useId();
  const described = describeEvent(eventType);
  const description = described && i18n._(described);
  const toggle = () =>
    onChange((current) =>
      current.includes(eventType)
        ? current.filter((e) => e !== eventType)
        : [...current, eventType],
    );
  return (
    <label className="kwe-check kwe-event">
      <input
        type="checkbox"
        checked={checked}
        onChange={toggle}
        aria-labelledby={`${id}-name`}
        aria-describedby={description ? `${id}-description` : undefined}
      />
      <span className="kwe-event-text">
        <code id={`${id}-name`} className="kwe-event-name" dir="ltr">
          <EventName eventType={eventType} />
        </code>
        {description && (
          <span id={`${id}-description`} className="kwe-event-description">
            {description}
          </span>
        )}
      </span>
    </label>
  );
});

/**
 * Lets a long event type wrap after its dots rather than in the middle of a word: text and a
 * `<wbr>` after each dot, no element per part, as a thousand rows are all on the page at once.
 */
function EventName({ eventType }: { eventType: string }) {
  const parts = eventType.split('.');
  return parts.flatMap((part, index) =>
    index < parts.length - 1 ? [`${part}.`, <wbr key={index} />] : [part],
  );
}
