// What changed between two versions of an endpoint, in the words the editor uses: for the notice
// of a change made elsewhere, and for the note that a save kept such changes.
import type { EndpointFormValues } from '../../endpoint-form/form-values';
import { type Subscription, sameSubscription } from './merge-changes';
import { toMergeState } from './save-plan';

export type EndpointView = EndpointFormValues & { status?: string | undefined };

export type ServerChange =
  | { kind: 'url'; from: string; to: string }
  | { kind: 'events'; added: string[]; removed: string[] }
  | { kind: 'events-replaced'; from: Subscription; to: Subscription }
  | { kind: 'status'; from: string; to: string };

export function describeChanges(before: EndpointView, after: EndpointView): ServerChange[] {
  const changes: ServerChange[] = [];
  if (before.url !== after.url) changes.push({ kind: 'url', from: before.url, to: after.url });

  const from = toMergeState(before).events;
  const to = toMergeState(after).events;
  if (!sameSubscription(from, to)) {
    if (from === 'all' || to === 'all') {
      changes.push({ kind: 'events-replaced', from, to });
    } else {
      changes.push({
        kind: 'events',
        added: to.filter((event) => !from.includes(event)),
        removed: from.filter((event) => !to.includes(event)),
      });
    }
  }

  if (before.status !== undefined && after.status !== undefined && before.status !== after.status) {
    changes.push({ kind: 'status', from: before.status, to: after.status });
  }
  return changes;
}
