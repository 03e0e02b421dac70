export type EventGroup = {
  name: string;
  events: string[];
  /** Ticked events the catalog no longer offers: always shown as a group, to say so. */
  retired?: true;
};

/** A group as the checklist shows it: the whole group (for true counts) and the events on screen. */
export type VisibleGroup = { group: EventGroup; shown: string[] };

/** The resource an event type belongs to: the part before the first dot. */
function groupOf(eventType: string): string {
  const dot = eventType.indexOf('.');
  return dot === -1 ? eventType : eventType.slice(0, dot);
}

/** Groups in catalog order. */
export function groupEvents(catalog: string[]): EventGroup[] {
  const groups = new Map<string, string[]>();
  for (const eventType of new Set(catalog)) {
    const name = groupOf(eventType);
    const group = groups.get(name);
    if (group) group.push(eventType);
    else groups.set(name, [eventType]);
  }
  return [...groups].map(([name, events]) => ({ name, events }));
}

/** Events the endpoint holds but the catalog no longer offers, so they can be unticked. */
export function retiredGroup(catalog: string[], selected: string[]): EventGroup | null {
  const known = catalogRank(catalog);
  const retired = selected.filter((eventType) => !known.has(eventType));
  // The name is the group's key; the checklist shows the group in words (event-group.tsx).
  return retired.length > 0 ? { name: 'No longer offered', events: retired, retired: true } : null;
}

export type EventFilter = {
  query: string;
  /** Only these events, for "Show selected only"; null shows every event. */
  only: ReadonlySet<string> | null;
};

export function isFiltering({ query, only }: EventFilter): boolean {
  return query.trim() !== '' || only !== null;
}

/**
 * The groups with at least one event on screen. Without a filter each group shows its own events
 * array, unchanged, so a group that did not change can skip rendering.
 */
export function filterGroups(groups: EventGroup[], filter: EventFilter): VisibleGroup[] {
  if (!isFiltering(filter)) return groups.map((group) => ({ group, shown: group.events }));
  const needle = filter.query.trim().toLowerCase();
  const { only } = filter;
  return groups
    .map((group) => ({
      group,
      shown: group.events.filter(
        (event) => event.includes(needle) && (only === null || only.has(event)),
      ),
    }))
    .filter(({ shown }) => shown.length > 0);
}

// Each event type's place in a catalog, made once per catalog: the checklist, the summary and the
// URL check order the ticked events on every tick, and a catalog can hold 1,000 types.
const ranks = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/** Each event type of `catalog` and its place in it. */
export function catalogRank(catalog: readonly string[]): ReadonlyMap<string, number> {
  let rank = ranks.get(catalog);
  if (rank === undefined) {
    rank = new Map(catalog.map((event, index) => [event, index]));
    ranks.set(catalog, rank);
  }
  return rank;
}

/** `events` in the order of the catalog; types the catalog lacks follow in their own order. */
export function inCatalogOrder(events: readonly string[], catalog: readonly string[]): string[] {
  const rank = catalogRank(catalog);
  const known = events.filter((event) => rank.has(event));
  known.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return [...known, ...events.filter((event) => !rank.has(event))];
}
