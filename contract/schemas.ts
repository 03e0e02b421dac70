// The wire format of Konpro's webhook API. The server's emulator imports these too, so the
// client and the emulator can never disagree about what a valid endpoint or request is.
// zod/mini: the same checks as zod with a tree-shakable API, a fraction of the bundle.
import * as z from 'zod/mini';

export const MAX_URL_LENGTH = 2048;

/** An event type: lower-case words joined by dots or underscores, e.g. `avatar_video.success`. */
// Marked pure: a bundler keeps a method call (`.check`) it cannot prove harmless, and the page,
// which never uses this schema, would build it on every load.
export const eventTypeSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'Event types look like resource.action'));

// Marked free of side effects, so a schema the page drops (the update's body) leaves no call behind.
const nonEmpty = /* @__NO_SIDE_EFFECTS__ */ () => z.string().check(z.minLength(1));

export const endpointSchema = z.object({
  endpoint_id: nonEmpty(),
  url: z.string(),
  // The list and update both return the signing secret; it is optional so a proxy that strips it
  // still parses.
  secret: z.optional(z.string()),
  status: nonEmpty(),
  // `null` (HeyGen's way) and `[]` (Konpro's) both mean "all events" on the wire.
  events: z.pipe(
    z.nullish(z.array(z.string())),
    z.transform((events) => events ?? []),
  ),
  username: z.optional(z.string()),
  created_at: z.optional(z.string()),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const endpointListSchema = z.array(endpointSchema);

/** The endpoint with no `secret` key at all: what a host or a shared cache may hold. */
export function withoutSecret(endpoint: Endpoint): Omit<Endpoint, 'secret'> {
  return {
    endpoint_id: endpoint.endpoint_id,
    url: endpoint.url,
    status: endpoint.status,
    events: [...endpoint.events],
    username: endpoint.username,
    created_at: endpoint.created_at,
  };
}

/** The list's field table says `endpoints[]` while its sample says `data[]`: accept both. */
export const endpointListAnswerSchema = z.union([
  endpointListSchema,
  z.pipe(
    z.object({ endpoints: endpointListSchema }),
    z.transform((body) => body.endpoints),
  ),
]);

export const eventTypeListSchema = z.array(z.string());

/** The body of `PATCH endpoint.update`: only the fields that change are sent. */
export const endpointUpdateSchema = z.object({
  endpoint_id: nonEmpty(),
  url: z.optional(z.string()),
  events: z.nullish(z.array(z.string())),
});
export type EndpointUpdate = z.infer<typeof endpointUpdateSchema>;

export const endpointAddSchema = z.object({
  url: z.string(),
  events: z.nullish(z.array(z.string())),
  entity_id: z.optional(z.string()),
});
