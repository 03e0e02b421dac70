// Answers only the editor's actions read: a delete's, and the server's own secret on demand. Apart
// from schemas.ts, which the list page's chunk carries whole, so that page does not carry these.
import * as z from 'zod/mini';

export const endpointDeletedSchema = z.object({
  endpoint_id: z.string(),
  status: z.literal('deleted'),
  message: z.optional(z.string()),
  deleted_at: z.optional(z.string()),
});

/** Konpro's documented answer to a delete, or HeyGen's `{code: 100, data: null, msg: null}`. */
export const endpointDeleteAnswerSchema = z.nullable(endpointDeletedSchema);

/** The server's own `endpoint.secret` answer: one endpoint's signing secret, on demand. */
export const endpointSecretSchema = z.object({
  endpoint_id: z.string().check(z.minLength(1)),
  secret: z.string().check(z.minLength(1)),
});
