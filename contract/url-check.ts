// `POST /api/v1/webhook/endpoint.check`: what the page sends and what the server answers. A
// refusal or failure is still a 200 with `ok: false` and a `problem` in plain words; a 400 means
// the request itself was wrong (a URL the URL rule refuses, an event type without a sample).
import * as z from 'zod/mini';

/** The whole check (name lookup, TLS handshake, test delivery) ends within this. */
export const URL_CHECK_TIMEOUT_MS = 5000;
/** A certificate that expires sooner is a warning, not a failure. */
export const EXPIRY_WARNING_DAYS = 14;

export const urlCheckRequestSchema = z.object({
  url: z.string(),
  event_type: z.string(),
});
export type UrlCheckRequest = z.infer<typeof urlCheckRequestSchema>;

export const urlCheckTlsSchema = z.object({
  /** `TLS 1.3`, `TLS 1.2`, or an older one the check could still name (`TLS 1.0`). */
  version: z.string(),
  /** The chain verified against the server's trust store (an expired certificate does not). */
  trusted: z.boolean(),
  /** The certificate names the URL's host. */
  host_matches: z.boolean(),
  /** When the certificate expires, ISO 8601. */
  valid_to: z.string(),
});
export type UrlCheckTls = z.infer<typeof urlCheckTlsSchema>;

export const urlCheckDeliverySchema = z.object({
  /** The receiver's HTTP status. */
  status: z.number(),
  /** From sending the test delivery to the answer's status line, in whole milliseconds. */
  ms: z.number(),
});
export type UrlCheckDelivery = z.infer<typeof urlCheckDeliverySchema>;

export const urlCheckAnswerSchema = z.object({
  /** TLS 1.2 or newer, trusted, for this host, not expired, and the delivery answered 2xx. */
  ok: z.boolean(),
  /** Null when no handshake took place (the name, the address or the connection failed). */
  tls: z.nullable(urlCheckTlsSchema),
  /** Null when no test delivery was answered (it is sent only over a connection that passed). */
  delivery: z.nullable(urlCheckDeliverySchema),
  /** What failed, as a short English sentence ("the certificate has expired"); null when ok. */
  problem: z.nullable(z.string()),
  /** What holds but deserves attention ("the certificate expires in 9 days"); ok stays true. */
  warnings: z.array(z.string()),
});
export type UrlCheckAnswer = z.infer<typeof urlCheckAnswerSchema>;
