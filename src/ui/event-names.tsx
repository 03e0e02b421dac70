// Event types as a list in the reader's language ("a, b and c", "a、b、c", "a وb"), each type
// kept left to right as Konpro names it.
import { useFormats } from '../i18n/formats';

/**
 * Items joined the way `locale` joins a list, kept as they are (elements with their keys) between
 * the words that join them: the editor's summaries and the history.
 */
export function joined<T>(items: T[], locale: string): (T | string)[] {
  return new Intl.ListFormat(locale, { type: 'conjunction' })
    .formatToParts(items.map((_, index) => String(index)))
    .map((part) => (part.type === 'element' ? (items[Number(part.value)] as T) : part.value));
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
