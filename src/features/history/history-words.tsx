// One history entry in words: who did what, and when, in the mount's language and formats.
// An entry is a flat run of text and a few elements (the names in <code>, the actor in <bdi>): the
// History keeps 20 of them on screen, and React keeps a node for every component and fragment in
// them, so the words are placed by functions, not by <Trans> and a component per list.
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { type ReactElement, cloneElement } from 'react';
import { ALL_EVENTS, type HistoryEntry } from '../../../contract/history';
import { formatter } from '../../i18n/runtime';

/** Text and elements in reading order, to be keyed once by `keyed`. */
type Parts = (string | ReactElement)[];

const code = (text: string) => (
  <code className="kwe-break" dir="ltr">
    {text}
  </code>
);

/** A slot for parts in a message: counts and lists of names live in one ICU message. */
const slot = (at: number) => `\u2060${at}\u2060`;

/** `message` with each slot replaced by its parts. */
function place(message: string, parts: Parts[]): Parts {
  return message
    .split(/\u2060(\d)\u2060/)
    .flatMap((part, index) => (index % 2 === 1 ? (parts[Number(part)] ?? []) : part));
}

/** Parts joined the way `locale` joins a list ("a, b and c", "a、b、c", "a وb"). */
function joined(items: Parts[], locale: string): Parts {
  return formatter(
    'l',
    locale,
    'conjunction',
    () => new Intl.ListFormat(locale, { type: 'conjunction' }),
  )
    .formatToParts(items.map((_, index) => String(index)))
    .flatMap((part) => (part.type === 'element' ? (items[Number(part.value)] ?? []) : part.value));
}

/** Adjacent texts as one, and each element keyed by its place: children for one element. */
export function keyed(parts: Parts): Parts {
  const out: Parts = [];
  for (const part of parts) {
    const last = out.length - 1;
    if (typeof part === 'string') {
      if (part === '') continue;
      if (typeof out[last] === 'string') out[last] += part;
      else out.push(part);
    } else out.push(cloneElement(part, { key: out.length }));
  }
  return out;
}

/** Event types, each a name (or the words for all events), as a list in the reader's language. */
const events = (i18n: I18n, types: string[]): Parts =>
  joined(
    types.map((type) => [type === ALL_EVENTS ? i18n._(msg`all events`) : code(type)]),
    i18n.locale,
  );

/**
 * What the entry did, as verb phrases that follow who did it ("changed the URL from a to b",
 * "added c"): each language's frame around them (entryWords) puts the subject and tense.
 */
function clauses(i18n: I18n, { action, changes }: HistoryEntry): Parts[] {
  const say = (message: MessageDescriptor) => i18n._(message);
  const { url, events_added: added = [], events_removed: removed = [] } = changes;
  const addedCount = added.length;
  const removedCount = removed.length;
  // The messages' names for the URL and the lists of event types (slots, filled by `place`).
  const at = slot(0);
  const names = slot(1);
  const addedNames = events(i18n, added);
  const removedNames = events(i18n, removed);
  const urlCode = url ? [code(url.to)] : null;
  if (action === 'endpoint.delete') return [[say(msg`deleted the endpoint`)]];
  if (action === 'endpoint.secret') return [[say(msg`revealed the signing secret`)]];
  if (action === 'endpoint.add') {
    if (urlCode === null && addedCount === 0) return [[say(msg`created the endpoint`)]];
    if (addedCount === 0) return [place(say(msg`created the endpoint at ${at}`), [urlCode ?? []])];
    if (added.length === 1 && added[0] === ALL_EVENTS)
      return [
        urlCode === null
          ? [say(msg`created the endpoint with all events`)]
          : place(say(msg`created the endpoint at ${at} with all events`), [urlCode]),
      ];
    return [
      urlCode === null
        ? place(
            say(
              msg`${plural(addedCount, {
                one: `created the endpoint with ${names}`,
                other: `created the endpoint with ${names}`,
              })}`,
            ),
            [[], addedNames],
          )
        : place(
            say(
              msg`${plural(addedCount, {
                one: `created the endpoint at ${at} with ${names}`,
                other: `created the endpoint at ${at} with ${names}`,
              })}`,
            ),
            [urlCode, addedNames],
          ),
    ];
  }
  const done: Parts[] = [];
  if (url) {
    const from = slot(0);
    const to = slot(1);
    done.push(
      url.from === null
        ? place(say(msg`set the URL to ${to}`), [[], [code(url.to)]])
        : place(say(msg`changed the URL from ${from} to ${to}`), [
            [code(url.from)],
            [code(url.to)],
          ]),
    );
  }
  const addedClause = place(
    say(msg`${plural(addedCount, { one: `added ${names}`, other: `added ${names}` })}`),
    [[], addedNames],
  );
  if (added.includes(ALL_EVENTS)) {
    // Every event type now: the ones it had before are not removed, they are part of "all".
    done.push(
      removedCount === 0
        ? [say(msg`subscribed to all events`)]
        : place(
            say(
              msg`${plural(removedCount, {
                one: `subscribed to all events instead of ${names}`,
                other: `subscribed to all events instead of ${names}`,
              })}`,
            ),
            [[], removedNames],
          ),
    );
  } else if (removed.includes(ALL_EVENTS)) {
    // From every event type to a few: said in that order, it reads as what it is.
    done.push([say(msg`removed all events`)]);
    if (addedCount > 0) done.push(addedClause);
  } else {
    if (addedCount > 0) done.push(addedClause);
    if (removedCount > 0)
      done.push(
        place(
          say(msg`${plural(removedCount, { one: `removed ${names}`, other: `removed ${names}` })}`),
          [[], removedNames],
        ),
      );
  }
  if (done.length > 0) return done;
  // A save refused because someone else had saved first (412) wrote nothing.
  return [[changes.changed_elsewhere ? say(msg`tried to save`) : say(msg`saved the endpoint`)]];
}

/** The entry as one sentence: who, then what they did, joined as the language joins a list. */
export function entryWords(i18n: I18n, entry: HistoryEntry): Parts {
  const actor = slot(0);
  const did = slot(1);
  const message = entry.changes.changed_elsewhere
    ? msg({
        comment: "{did} is one or more actions, e.g. 'added x and removed y'",
        message: `${actor} ${did} (found it changed by someone else first)`,
      })
    : msg({
        comment: "{did} is one or more actions, e.g. 'changed the URL from a to b and added c'",
        message: `${actor} ${did}`,
      });
  return keyed(
    place(i18n._(message), [
      [<bdi>{who(i18n, entry.actor)}</bdi>],
      joined(clauses(i18n, entry), i18n.locale),
    ]),
  );
}

/** When, then the request's id: `text` is whenText's, or null to show `at` as the server wrote it. */
export function entryWhen(i18n: I18n, entry: HistoryEntry, text: string | null): Parts {
  const when = slot(0);
  const id = slot(1);
  return keyed(
    place(i18n._(msg`${when} · request id ${id}`), [
      [text === null ? <bdi dir="ltr">{entry.at}</bdi> : <time dateTime={entry.at}>{text}</time>],
      [<code dir="ltr">{entry.request_id}</code>],
    ]),
  );
}

/** `local` is what the server records when nobody signs in: there is no name to show. */
export const who = (i18n: I18n, actor: string) =>
  actor === 'local' ? i18n._(msg`Someone (no sign-in)`) : actor;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];
const WEEK_SECONDS = 7 * 86_400;

/**
 * When, in the mount's language and formats: a date and time, led by "3 hours ago" within the
 * last week. Null when `at` is not a date.
 */
export function whenText(at: string, now: number, i18n: I18n): string | null {
  const { locale } = i18n;
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
  return i18n._(msg`${relative} (${absolute})`);
}
