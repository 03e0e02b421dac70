import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { UseFormSetValue } from 'react-hook-form';
import { type EndpointFormValues, normalUrl } from '../../endpoint-form/form-values';
import { mergeChanges, sameSubscription } from './merge-changes';
import { fromSubscription, toMergeState } from './save-plan';

type Follow = Partial<EndpointFormValues>;

/**
 * The server values the admin's edits are measured against: the merge base of the next save.
 * When the server's values change while the editor is open, the form is rebased onto them: what
 * the admin has not changed (the URL, each event) takes the server's value, and what the admin
 * changed keeps the admin's. A field whose edits conflict with the server's keeps both its value
 * and its base, so the save can ask.
 */
export function useMergeBase(
  start: EndpointFormValues,
  server: EndpointFormValues,
  values: EndpointFormValues,
  /** While a save runs, its own read and answer are its business, not a change to follow. */
  paused: boolean,
  setValue: UseFormSetValue<EndpointFormValues>,
) {
  const [base, setBase] = useState(start);
  const [seen, setSeen] = useState(server);
  const [follow, setFollow] = useState<Follow | null>(null);
  // A save's answer reaches rebase() before the list query's new data reaches this component (the
  // query tells its observers a tick later): until then, the server values shown are older than
  // the answer, not a change made elsewhere, and following them would put the old values back.
  const [behind, setBehind] = useState<EndpointFormValues | null>(null);
  const shown = useRef(server);
  useLayoutEffect(() => {
    shown.current = server;
  }, [server]);
  const caughtUp = server !== behind;
  if (behind !== null && caughtUp) setBehind(null);

  if (!paused && caughtUp && !sameServerValues(seen, server)) {
    setSeen(server);
    const { url, events } = mergeChanges(
      toMergeState(base),
      toMergeState(server),
      toMergeState(values),
    );
    const next = { ...base };
    const taken: Follow = {};
    if (url.kind !== 'conflict') {
      next.url = server.url;
      // Only a URL the admin did not change takes the server's; theirs keeps its spelling.
      if (url.kind === 'keep' && normalUrl(values.url) !== normalUrl(server.url)) {
        taken.url = server.url;
      }
    }
    // An empty selection is the admin's unfinished edit, refused by the form: left as it is.
    const unfinished = values.eventsMode === 'selected' && values.events.length === 0;
    if (events.kind !== 'conflict' && !unfinished) {
      next.eventsMode = server.eventsMode;
      next.events = server.events;
      const merged = fromSubscription(events.value);
      if (!sameEvents(merged, values)) Object.assign(taken, merged);
    }
    setBase(next);
    if (Object.keys(taken).length > 0) setFollow(taken);
  }
  // The inputs live in react-hook-form; they take the merged values after this render.
  useEffect(() => {
    if (follow?.url !== undefined) setValue('url', follow.url);
    if (follow?.eventsMode !== undefined) setValue('eventsMode', follow.eventsMode);
    if (follow?.events !== undefined) setValue('events', follow.events);
  }, [follow, setValue]);

  return {
    base,
    /** A new base, and the server values it was decided against. */
    rebase: (next: EndpointFormValues, serverNow: EndpointFormValues) => {
      setBase(next);
      setSeen(serverNow);
      setBehind(sameServerValues(shown.current, serverNow) ? null : shown.current);
    },
  };
}

type EventsValues = Pick<EndpointFormValues, 'eventsMode' | 'events'>;

function sameEvents(a: EventsValues, b: EventsValues): boolean {
  const events = (values: EventsValues) =>
    values.eventsMode === 'all' ? ('all' as const) : values.events;
  return sameSubscription(events(a), events(b));
}

function sameServerValues(a: EndpointFormValues, b: EndpointFormValues): boolean {
  return a.url === b.url && sameEvents(a, b);
}
