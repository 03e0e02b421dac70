// One history entry in words: who did what, and when, in the mount's language and formats.
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Fragment, type ReactNode } from 'react';
import { ALL_EVENTS, type HistoryEntry } from '../../../contract/history';
import { useLocale } from '../../i18n/formats';
import { joined } from '../../ui/event-names';

const code = (text: string) => (
  <code className="kwe-break" dir="ltr">
    {text}
  </code>
);

/** Event types as a list in the reader's language; `all` is the history's word for all events. */
function Events({ types }: { types: string[] }) {
  const { t } = useLingui();
  const locale = useLocale();
  return (
    <>
      {joined(
        types.map((type) => (type === ALL_EVENTS ? t`all events` : code(type))),
        locale,
      )}
    </>
  );
}

/** A slot for a node in a message: counts and lists of names live in one ICU message. */
const slot = (at: number) => `\u2060${at}\u2060`;

/** `message` with each slot replaced by its node. */
function place(message: string, nodes: ReactNode[]): ReactNode {
  return message
    .split(/\u2060(\d)\u2060/)
    .map((part, index) =>
      index % 2 === 1 ? <Fragment key={index}>{nodes[Number(part)]}</Fragment> : part,
    );
}

/**
 * What the entry did, as verb phrases that follow who did it ("changed the URL from a to b",
 * "added c"): each language's frame around them (EntryWords) puts the subject and tense.
 */
function clauses(i18n: I18n, { action, changes }: HistoryEntry): ReactNode[] {
  const say = (message: MessageDescriptor) => i18n._(message);
  const { url, events_added: added = [], events_removed: removed = [] } = changes;
  const addedCount = added.length;
  const removedCount = removed.length;
  // The messages' names for the URL and the lists of event types (slots, filled by `place`).
  const at = slot(0);
  const names = slot(1);
  const addedNames = <Events types={added} />;
  const removedNames = <Events types={removed} />;
  const urlCode = url ? code(url.to) : null;
  if (action === 'endpoint.delete') return [say(msg`deleted the endpoint`)];
  if (action === 'endpoint.secret') return [say(msg`revealed the signing secret`)];
  if (action === 'endpoint.add') {
    if (urlCode === null && addedCount === 0) return [say(msg`created the endpoint`)];
    if (addedCount === 0) return [place(say(msg`created the endpoint at ${at}`), [urlCode])];
    if (added.length === 1 && added[0] === ALL_EVENTS)
      return [
        urlCode === null
          ? say(msg`created the endpoint with all events`)
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
            [null, addedNames],
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
  const done: ReactNode[] = [];
  if (url) {
    const to = code(url.to);
    const from = url.from === null ? null : code(url.from);
    done.push(
      from === null ? (
        <Trans key="u">set the URL to {to}</Trans>
      ) : (
        <Trans key="u">
          changed the URL from {from} to {to}
        </Trans>
      ),
    );
  }
  const addedClause = place(
    say(msg`${plural(addedCount, { one: `added ${names}`, other: `added ${names}` })}`),
    [null, addedNames],
  );
  if (added.includes(ALL_EVENTS)) {
    // Every event type now: the ones it had before are not removed, they are part of "all".
    done.push(
      removedCount === 0
        ? say(msg`subscribed to all events`)
        : place(
            say(
              msg`${plural(removedCount, {
                one: `subscribed to all events instead of ${names}`,
                other: `subscribed to all events instead of ${names}`,
              })}`,
            ),
            [null, removedNames],
          ),
    );
  } else if (removed.includes(ALL_EVENTS)) {
    // From every event type to a few: said in that order, it reads as what it is.
    done.push(say(msg`removed all events`));
    if (addedCount > 0) done.push(addedClause);
  } else {
    if (addedCount > 0) done.push(addedClause);
    if (removedCount > 0)
      done.push(
        place(
          say(msg`${plural(removedCount, { one: `removed ${names}`, other: `removed ${names}` })}`),
          [null, removedNames],
        ),
      );
  }
  if (done.length > 0) return done;
  // A save refused because someone else had saved first (412) wrote nothing.
  return [changes.changed_elsewhere ? say(msg`tried to save`) : say(msg`saved the endpoint`)];
}

/** The entry as one sentence: who, then what they did, joined as the language joins a list. */
export function EntryWords({ entry }: { entry: HistoryEntry }) {
  const { i18n } = useLingui();
  const locale = useLocale();
  const actor = <bdi>{who(i18n, entry.actor)}</bdi>;
  const did = <>{joined(clauses(i18n, entry), locale)}</>;
  return entry.changes.changed_elsewhere ? (
    <Trans comment="{did} is one or more actions, e.g. 'added x and removed y'">
      {actor} {did} (found it changed by someone else first)
    </Trans>
  ) : (
    <Trans comment="{did} is one or more actions, e.g. 'changed the URL from a to b and added c'">
      {actor} {did}
    </Trans>
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
