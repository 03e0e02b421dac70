// The emulator's storage format. It is stricter than the wire schema in contract/schemas.ts (which
// tolerates missing fields from real proxies): everything the emulator writes, it must read back.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const storedEndpointSchema = z.object({
  endpoint_id: z.string().min(1),
  url: z.string(),
  secret: z.string(),
  status: z.enum(['enabled', 'disabled']),
  events: z.array(z.string()),
  username: z.string(),
  created_at: z.string(),
  /** HeyGen's optional tag of the caller's own, given on add and returned as given. */
  entity_id: z.string().optional(),
});
export type StoredEndpoint = z.infer<typeof storedEndpointSchema>;

export const dataFileSchema = z.object({
  version: z.literal(1),
  endpoints: z.array(storedEndpointSchema),
});
export type DataFile = z.infer<typeof dataFileSchema>;

/** ISO 8601 without milliseconds, as in Konpro's samples (`2024-01-15T10:30:00Z`). */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function newEndpointId(): string {
  return `ep_${randomBytes(8).toString('hex')}`;
}

export function newSecret(): string {
  return `whsec_${randomBytes(16).toString('hex')}`;
}

/** Order-keeping de-duplication: the client shows events in the order it sent them. */
export function uniqueEvents(events: readonly string[]): string[] {
  return [...new Set(events)];
}
