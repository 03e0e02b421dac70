// Konpro's API has no version check, so a save combines three versions of an endpoint: `base`, the
// one the form started from; `theirs`, the one the server holds now; `mine`, the form's. Each
// side's changes are what differs from `base`, and both sides' changes are kept wherever they do
// not contradict each other. Where they do, nothing is decided for the admin: it is a conflict.
//
// Events are a set in which "all events" also holds every type Konpro adds later. Per event: one
// either side changed takes that side's value, one neither changed keeps its base value. Three
// outcomes of that rule are conflicts instead, because no request expresses them or an admin
// would not expect them:
// - an empty selection: Konpro reads `[]` as "all events", the very accident this editor exists
//   to prevent;
// - "all events but these" (all events elsewhere, a box unticked here, or the other way round):
//   only a list of types can be sent, and it would drop the types Konpro adds later;
// - both sides replaced "All events" with different selections: the rule would keep only what both
//   chose, a selection neither admin made.

/** `'all'` means all events, including types added later; a list is a selection. */
export type Subscription = 'all' | readonly string[];

export type EndpointState = { url: string; events: Subscription };

export type ConflictReason =
  /** Both changed the URL, to different values. */
  | 'both-changed'
  /** Applying both sides' changes would leave no event selected. */
  | 'would-be-empty'
  /** All events was chosen elsewhere; here the selection was edited. */
  | 'theirs-chose-all'
  /** All events was chosen here; elsewhere events were unticked. */
  | 'theirs-removed'
  /** Both replaced All events with different selections. */
  | 'both-replaced';

export type FieldMerge<T> =
  /** The server already holds the merged value: nothing to send. */
  | { kind: 'keep'; value: T }
  | { kind: 'send'; value: T }
  | { kind: 'conflict'; theirs: T; mine: T; reason: ConflictReason };

export type EndpointMerge = {
  url: FieldMerge<string>;
  events: FieldMerge<Subscription>;
  conflict: boolean;
};

export function mergeChanges(
  base: EndpointState,
  theirs: EndpointState,
  mine: EndpointState,
): EndpointMerge {
  const url = mergeUrl(base.url, theirs.url, mine.url);
  const events = mergeEvents(base.events, theirs.events, mine.events);
  return { url, events, conflict: url.kind === 'conflict' || events.kind === 'conflict' };
}

export function mergeUrl(base: string, theirs: string, mine: string): FieldMerge<string> {
  if (mine === base || mine === theirs) return { kind: 'keep', value: theirs };
  if (theirs === base) return { kind: 'send', value: mine };
  return { kind: 'conflict', theirs, mine, reason: 'both-changed' };
}

export function mergeEvents(
  base: Subscription,
  theirs: Subscription,
  mine: Subscription,
): FieldMerge<Subscription> {
  const conflict = (reason: ConflictReason): FieldMerge<Subscription> => ({
    kind: 'conflict',
    theirs,
    mine,
    reason,
  });
  const settle = (value: Subscription): FieldMerge<Subscription> => {
    if (value !== 'all' && value.length === 0) return conflict('would-be-empty');
    return sameSubscription(value, theirs)
      ? { kind: 'keep', value: theirs }
      : { kind: 'send', value };
  };

  if (sameSubscription(mine, base) || sameSubscription(mine, theirs)) return settle(theirs);
  if (sameSubscription(theirs, base)) return settle(mine);

  // Both changed, differently.
  if (base !== 'all' && theirs !== 'all' && mine !== 'all') {
    const baseSet = new Set(base);
    const mineSet = new Set(mine);
    const theirsSet = new Set(theirs);
    const added = mine.filter((event) => !baseSet.has(event) && !theirsSet.has(event));
    const removed = new Set(base.filter((event) => !mineSet.has(event)));
    return settle([...unique(theirs).filter((event) => !removed.has(event)), ...unique(added)]);
  }
  // All events here, and only additions elsewhere: all events hold those too.
  if (mine === 'all' && base !== 'all' && theirs !== 'all' && isSubset(base, theirs)) {
    return { kind: 'send', value: 'all' };
  }
  if (theirs === 'all') return conflict('theirs-chose-all');
  if (mine === 'all') return conflict('theirs-removed');
  return conflict('both-replaced');
}

export function sameSubscription(a: Subscription, b: Subscription): boolean {
  if (a === 'all' || b === 'all') return a === b;
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((event) => setB.has(event));
}

/** On the wire an empty list means all events. */
export function subscriptionFromWire(events: readonly string[]): Subscription {
  return events.length === 0 ? 'all' : unique(events);
}

export function subscriptionToWire(subscription: Subscription): string[] {
  if (subscription === 'all') return [];
  // The last guard before the wire: an empty selection would arrive as "all events".
  if (subscription.length === 0) throw new Error('An empty selection cannot be sent');
  return [...subscription];
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  const largeSet = new Set(large);
  return small.every((event) => largeSet.has(event));
}

function unique(events: readonly string[]): string[] {
  return [...new Set(events)];
}
