// The server's own check of a webhook URL, `POST endpoint.check` (see schemas.ts for Konpro's
// shapes). A file of its own so the list page, which loads schemas.ts, does not carry it.
import * as z from 'zod/mini';

/**
 * The server's own `POST endpoint.check` answer. A refusal or a failure of the URL is `ok: false`
 * with a `problem` in words, never an HTTP error; `valid_to` is an ISO 8601 date.
 */
export const endpointCheckSchema = z.object({
  ok: z.boolean(),
  tls: z.nullish(
    z.object({
      version: z.string(),
      trusted: z.boolean(),
      host_matches: z.boolean(),
      valid_to: z.string(),
    }),
  ),
  delivery: z.nullish(z.object({ status: z.number(), ms: z.number() })),
  problem: z.nullish(z.string()),
  warnings: z.optional(z.array(z.string())),
});
export type EndpointCheck = z.infer<typeof endpointCheckSchema>;
