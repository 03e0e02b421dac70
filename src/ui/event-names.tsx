// Event types as a list in the reader's language ("a, b and c", "a、b、c", "a وb"), each type
// kept left to right as Konpro names it.
import { Fragment, type ReactNode } from 'react';
import { useFormats } from '../i18n/formats';

/**
 * Items joined the way `locale` joins a list, kept as nodes: the editor's summaries and the history.
 */
export function joined(items: ReactNode[], locale: string): ReactNode[] {
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(
    items.map((_, index) => String(index)),
  );
  return parts.map((part, index) =>
    part.type === 'element' ? (
      <Fragment key={index}>{items[Number(part.value)]}</Fragment>
    ) : (
      part.value
    ),
  );
}

export function EventNames({ events }: { events: readonly string[] }) {
  const { locale } = useFormats();
  return (
    <>
      {joined(
        events.map((event) => (
          <code key={event} dir="ltr">
            {event}
          </code>
        )),
        locale,
      )}
    </>
  );
}
