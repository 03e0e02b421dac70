import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { endpointHistoryKey } from '../../api/endpoints';
// Types only: the history's schemas stay in the history's own chunk.
import type { HistoryEntry } from '../../../contract/history';
import type { EndpointMerge } from './merge-changes';

/**
 * Who made the change a conflict is about, as the server's history recorded it: the newest update
 * that set their URL, or that changed the events to a conflicting choice. Read from the history's
 * cache (the History region reads the newest entries, and every save has them read again), never
 * fetched here. Null when unknown: no history (a portal's backend), a change made outside this
 * server, or no sign-in.
 */
export function useConflictActor(endpointId: string, merge: EndpointMerge | null): string | null {
  const queryClient = useQueryClient();
  // The actor's name is the snapshot, not the history: the history arriving or read again renders
  // the form (and its summary) only when it changes that name, and without a conflict never.
  return useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => merge && actorOf(newestRead(queryClient, endpointId), merge),
  );
}

/** The entries read last, of however many the History asked for. */
const newestRead = (queryClient: QueryClient, endpointId: string) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: endpointHistoryKey(endpointId) })
    .map(({ state }) => state)
    .sort((one, other) => other.dataUpdatedAt - one.dataUpdatedAt)[0]?.data as
    HistoryEntry[] | undefined;

function actorOf(history: HistoryEntry[] | undefined, merge: EndpointMerge): string | null {
  if (history === undefined) return null;
  const { url, events } = merge;
  const entry = history.find(
    ({ action, changes: { url: to, events_added: added = [], events_removed: removed = [] } }) =>
      action === 'endpoint.update' &&
      (url.kind === 'conflict'
        ? to?.to === url.theirs
        : // An events change that agrees with theirs: what it added, they hold.
          events.kind === 'conflict' &&
          added.length + removed.length > 0 &&
          added.every((type) =>
            // `all` is the history's word for all events.
            events.theirs === 'all' ? type === 'all' : events.theirs.includes(type),
          )),
  );
  return entry === undefined || entry.actor === 'local' ? null : entry.actor;
}
