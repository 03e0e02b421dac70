// The wire format of Konpro's webhook API. The server's emulator imports these too, so the
// client and the emulator can never disagree about what a valid endpoint or request is.
import { z } from 'zod';

export const MAX_URL_LENGTH = 2048;

/** An event type: lower-case words joined by dots or underscores, e.g. `avatar_video.success`. */
export const eventTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'Event types look like resource.action');

export const endpointStatusSchema = z.string().min(1);

export const endpointSchema = z.object({
  endpoint_id: z.string().min(1),
  url: z.string(),
  // The list and update both return the signing secret; it is optional so a proxy that strips it
  // still parses.
  secret: z.string().optional(),
  status: endpointStatusSchema,
  // `null` and `[]` both mean "all events" on the wire.
  events: z
    .array(z.string())
    .nullish()
    .transform((events) => events ?? []),
  username: z.string().optional(),
  created_at: z.string().optional(),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const endpointListSchema = z.array(endpointSchema);

export const eventTypeListSchema = z.array(z.string());

/** The body of `PATCH endpoint.update`: only the fields that change are sent. */
export const endpointUpdateSchema = z.object({
  endpoint_id: z.string().min(1),
  url: z.string().optional(),
  events: z.array(z.string()).nullish(),
});
export type EndpointUpdate = z.infer<typeof endpointUpdateSchema>;

export const endpointAddSchema = z.object({
  url: z.string(),
  events: z.array(z.string()).nullish(),
  entity_id: z.string().optional(),
});

export const endpointDeletedSchema = z.object({
  endpoint_id: z.string(),
  status: z.literal('deleted'),
  message: z.string().optional(),
  deleted_at: z.string().optional(),
});
