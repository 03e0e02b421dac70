// Konpro's API has no version check, so the editor makes one: the version of an endpoint is a hash
// of what an admin can change (URL and events). The page sends the version its merge was based on
// in `If-Match`; this project's server compares it with the endpoint as Konpro holds it right before
// writing, inside its per-endpoint queue, and answers 412 when another write came first.

export interface Versioned {
  url: string;
  events: readonly string[] | null;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** The same for the same URL and set of events, in any order; `null` and `[]` are both "all". */
export function endpointVersion(endpoint: Versioned): string {
  const events = [...new Set(endpoint.events ?? [])].sort();
  const text = JSON.stringify([endpoint.url, events]);
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return `"v1-${hash.toString(16).padStart(16, '0')}"`;
}
