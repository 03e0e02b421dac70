// Konpro's update answer carries the endpoint's secret, so an update that changes nothing is a
// secret read by another name: the forwarder counts and audits it as one. It changes nothing when
// it names neither `url` nor `events` (the only fields an update can change), or when what it names
// equals the endpoint as stored, read inside the same queue turn: the same URL and the same set of
// events, in any order, `null` and `[]` both meaning all (the rule of the endpoint's version).
import { endpointVersion } from '../../contract/endpoint-version';

export interface RequestedChange {
  url?: unknown;
  events?: unknown;
}

export interface Stored {
  url: string;
  events: readonly string[] | null;
}

/** The fields an update body names; null when the body is not a JSON object (Konpro refuses it). */
export function requestedChange(body: Uint8Array | undefined): RequestedChange | null {
  if (!body) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(body)) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
    const { url, events } = json as Record<string, unknown>;
    return { url, events };
  } catch {
    return null;
  }
}

/**
 * Whether the update names a value that could change the endpoint: a string `url`, or `events` as
 * a list of names or `null` (all). A value of another type cannot be applied; should Konpro take
 * it as absent rather than refuse it, the update would hand out the secret, so it is not counted.
 */
export function namesAField(change: RequestedChange): boolean {
  return urlOf(change) !== undefined || eventsOf(change) !== undefined;
}

/** Whether the update leaves `stored` as it is; without the stored endpoint, only an empty one. */
export function changesNothing(change: RequestedChange, stored: Stored | undefined): boolean {
  if (!namesAField(change)) return true;
  if (!stored) return false;
  const events = eventsOf(change);
  const after = {
    url: urlOf(change) ?? stored.url,
    events: events === undefined ? stored.events : events,
  };
  return endpointVersion(after) === endpointVersion(stored);
}

function urlOf({ url }: RequestedChange): string | undefined {
  return typeof url === 'string' ? url : undefined;
}

function eventsOf({ events }: RequestedChange): string[] | null | undefined {
  if (events === null) return null;
  return Array.isArray(events) && events.every((item) => typeof item === 'string')
    ? events
    : undefined;
}
