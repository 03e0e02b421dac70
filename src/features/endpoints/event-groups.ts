export type EventGroup = { name: string; events: string[] };

/** The resource an event type belongs to: the part before the first dot. */
export function groupOf(eventType: string): string {
  const dot = eventType.indexOf('.');
  return dot === -1 ? eventType : eventType.slice(0, dot);
}

/** Groups in catalog order; events the endpoint holds but the catalog no longer offers come last. */
export function groupEvents(catalog: string[], selected: string[]): EventGroup[] {
  const groups = new Map<string, string[]>();
  for (const eventType of new Set(catalog)) {
    const name = groupOf(eventType);
    const group = groups.get(name);
    if (group) group.push(eventType);
    else groups.set(name, [eventType]);
  }
  const result = [...groups].map(([name, events]) => ({ name, events }));
  const known = new Set(catalog);
  const retired = selected.filter((eventType) => !known.has(eventType));
  if (retired.length > 0) result.push({ name: 'No longer offered', events: retired });
  return result;
}

export function filterGroups(groups: EventGroup[], query: string): EventGroup[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return groups;
  return groups
    .map((group) => ({ ...group, events: group.events.filter((e) => e.includes(needle)) }))
    .filter((group) => group.events.length > 0);
}
