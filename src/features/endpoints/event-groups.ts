export type EventGroup = { name: string; events: string[] };

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
  const known = new Set(catalog);
  const retired = selected.filter((eventType) => !known.has(eventType));
  return retired.length > 0 ? { name: 'No longer offered', events: retired } : null;
}

export function filterGroups(groups: EventGroup[], query: string): EventGroup[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return groups;
  return groups
    .map((group) => ({ ...group, events: group.events.filter((e) => e.includes(needle)) }))
    .filter((group) => group.events.length > 0);
}
