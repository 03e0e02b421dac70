// One history entry in words: who did what, and when, in the reader's language's formats.
import { Fragment, type ReactNode } from 'react';
import { ALL_EVENTS, type HistoryEntry } from '../../../contract/history';

/** Items joined the way the reader's language joins a list ("a, b and c"), kept as nodes. */
export function joined(items: ReactNode[], locale?: string): ReactNode[] {
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

const code = (text: string) => <code className="kwe-break">{text}</code>;
const events = (types: string[], locale?: string) =>
  joined(
    types.map((type) => (type === ALL_EVENTS ? 'all events' : code(type))),
    locale,
  );

/** What the entry did, as the rest of a sentence that begins with who did it. */
export function whatChanged({ action, changes }: HistoryEntry, locale?: string): ReactNode {
  const { url, events_added: added = [], events_removed: removed = [] } = changes;
  if (action === 'endpoint.delete') return 'deleted the endpoint';
  if (action === 'endpoint.secret') return 'revealed the signing secret';
  if (action === 'endpoint.add') {
    return (
      <>
        created the endpoint{url && <> at {code(url.to)}</>}
        {added.length > 0 && <> with {events(added, locale)}</>}
      </>
    );
  }
  const clauses: ReactNode[] = [];
  if (url) {
    clauses.push(
      url.from === null ? (
        <>set the URL to {code(url.to)}</>
      ) : (
        <>
          changed the URL from {code(url.from)} to {code(url.to)}
        </>
      ),
    );
  }
  if (added.includes(ALL_EVENTS)) {
    // Every event type now: the ones it had before are not removed, they are part of "all".
    clauses.push(
      <>
        subscribed to all events
        {removed.length > 0 && <> instead of {events(removed, locale)}</>}
      </>,
    );
  } else if (removed.includes(ALL_EVENTS)) {
    // From every event type to a few: said in that order, it reads as what it is.
    clauses.push(<>removed all events</>);
    if (added.length > 0) clauses.push(<>added {events(added, locale)}</>);
  } else {
    if (added.length > 0) clauses.push(<>added {events(added, locale)}</>);
    if (removed.length > 0) clauses.push(<>removed {events(removed, locale)}</>);
  }
  if (clauses.length > 0) return joined(clauses, locale);
  // A save refused because someone else had saved first (412) wrote nothing.
  return changes.changed_elsewhere ? 'tried to save' : 'saved the endpoint';
}

/** `local` is what the server records when nobody signs in: there is no name to show. */
export const who = (actor: string) => (actor === 'local' ? 'Someone (no sign-in)' : actor);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];
const WEEK_SECONDS = 7 * 86_400;

/**
 * When, in the reader's formats: a date and time, led by "3 hours ago" within the last week.
 * Null when `at` is not a date.
 */
export function whenText(at: string, now: number, locale?: string): string | null {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  const absolute = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
  // A server's clock a little ahead of the reader's is "now", never "in 2 minutes".
  const ago = Math.max(0, (now - date.getTime()) / 1000);
  if (ago >= WEEK_SECONDS) return absolute;
  const [unit, seconds] = UNITS.find(([, size]) => ago >= size) ?? ['second', 1];
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
    unit === 'second' ? 0 : -Math.floor(ago / seconds),
    unit,
  );
  return `${relative} (${absolute})`;
}
