import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { endpointHistoryKey } from '../../api/endpoints';
// Types only: the history's schemas stay in the history's own chunk.
import type { HistoryEntry } from '../../../contract/history';
import type { EndpointMerge, Subscription } from './merge-changes';

/**
 * Who made the change a conflict is about, as the server's history recorded it: the newest update
 * that set their URL, or that changed the events to a conflicting choice. Read from the history's
 * cache (the History region reads it, and every save has it read again), never fetched here. Null
 * when unknown: no history (a portal's backend), a change made outside this server, or no sign-in.
 */
export function useConflictActor(endpointId: string, merge: EndpointMerge | null): string | null {
  const queryClient = useQueryClient();
  const history = useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => queryClient.getQueryData<HistoryEntry[]>(endpointHistoryKey(endpointId)),
  );
  if (merge === null || history === undefined) return null;
  const { url, events } = merge;
  const entry = history.find(
    ({ action, changes }) =>
      action === 'endpoint.update' &&
      ((url.kind === 'conflict' && changes.url?.to === url.theirs) ||
        (events.kind === 'conflict' && ledTo(events.theirs, changes))),
  );
  return entry === undefined || entry.actor === 'local' ? null : entry.actor;
}

/** Whether an entry's event changes agree with the events the server holds now. */
function ledTo(theirs: Subscription, changes: HistoryEntry['changes']): boolean {
  const { events_added: added = [], events_removed: removed = [] } = changes;
  if (added.length + removed.length === 0) return false;
  if (theirs === 'all') return added.includes('all'); // the history's word for all events
  return added.every((type) => theirs.includes(type)) && !removed.some((t) => theirs.includes(t));
}
