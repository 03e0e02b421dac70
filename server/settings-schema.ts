// The environment variables the server reads, as a zod schema over their raw strings. Messages
// complete a sentence that starts with the variable's name, e.g. "PORT must be a whole number...".
import { z } from 'zod';

// Keys are secrets: a bad value is named, never echoed.
export const SECRET_SETTINGS = new Set(['KONPRO_API_KEY', 'KONPRO_EMULATOR_KEYS']);

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
};

const apiBase = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.konpro.ai' })
  .refine((url) => !/[?#]/.test(url), { error: 'must not contain a query or #fragment' })
  .transform((url) => url.replace(/\/+$/, ''))
  .refine((url) => !/\/v1$/.test(url), {
    error: 'must not end in /v1: the server adds /v1 itself (use e.g. https://api.konpro.ai)',
  });

export const envSchema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: wholeNumber(0, 65535).default(4173),
    KONPRO_API_BASE: apiBase.optional(),
    KONPRO_API_KEY: z
      .string()
      .regex(/^[\x21-\x7e]+$/, { error: 'must be printable characters without spaces' })
      .optional(),
    KONPRO_DATA_FILE: z.string().default('.data/konpro-emulator.json'),
    KONPRO_EMULATOR_KEYS: z.string().optional(),
    KONPRO_EMULATOR_RATE_LIMIT: wholeNumber(1, 1_000_000).default(300),
    KONPRO_EMULATOR_CHECK_URLS: z
      .enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' })
      .optional(),
    // Below the browser's own 15 s, so the admin gets this server's 504 (with a request id) rather than
    // a bare timeout.
    KONPRO_UPSTREAM_TIMEOUT_MS: wholeNumber(1, 600_000).default(10_000),
    // A `;` or newline would let this value add directives of its own; a `,` starts a second policy.
    FRAME_ANCESTORS: z
      .string()
      .regex(/^[^;,\r\n]+$/, {
        error: "must be CSP sources separated by spaces, e.g. 'self' https://portal.example.com",
      })
      .default("'self'"),
    STATIC_DIR: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.KONPRO_API_BASE !== undefined && env.KONPRO_API_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['KONPRO_API_KEY'],
        message: 'is required when KONPRO_API_BASE is set (the server adds it to every call)',
      });
    }
  });
