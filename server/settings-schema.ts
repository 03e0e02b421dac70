// The environment variables the server reads, as a zod schema over their raw strings. Messages
// complete a sentence that starts with the variable's name, e.g. "PORT must be a whole number...".
import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS as PAGE_TIMEOUT_MS } from '../contract/page-timeout';
import { apiBaseSchema } from './forwarder/api-base';
import { signInEnvFields } from './settings-sign-in';

// Keys are secrets: a bad value is named, never echoed.
export const SECRET_SETTINGS = new Set([
  'KONPRO_API_KEY',
  'KONPRO_EMULATOR_KEYS',
  'OIDC_CLIENT_SECRET',
  'SESSION_SECRET',
  // It holds the database's password.
  'DATABASE_URL',
]);

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
};

export const MIN_API_KEY_LENGTH = 16;
/** The emulator's key when none is set: printed at start and in the README, so never a secret. */
export const DEV_API_KEY = 'konpro_dev_key_local';
const upstreamTimeoutError =
  `must be a whole number of milliseconds from 1 to ${PAGE_TIMEOUT_MS - 1}: ` +
  `below the page's own ${PAGE_TIMEOUT_MS / 1000} s timeout, so the admin sees this server's answer`;

export const envSchema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: wholeNumber(0, 65535).default(4173),
    KONPRO_API_BASE: apiBaseSchema.optional(),
    KONPRO_API_KEY: z
      .string()
      .regex(/^[\x21-\x7e]+$/, { error: 'must be printable characters without spaces' })
      // A real key is long and random. A short one (`x`) is a typo, and would also be found inside
      // ordinary answers when the server makes sure Konpro never echoes the key to the page.
      .min(MIN_API_KEY_LENGTH, {
        error: `must be at least ${MIN_API_KEY_LENGTH} characters: that is not a real Konpro key`,
      })
      .optional(),
    KONPRO_DATA_FILE: z.string().default('.data/konpro-emulator.json'),
    KONPRO_EMULATOR_KEYS: z.string().optional(),
    KONPRO_EMULATOR_RATE_LIMIT: wholeNumber(1, 1_000_000).default(300),
    KONPRO_EMULATOR_ENVELOPE: z
      .enum(['konpro', 'heygen'], {
        error: "must be konpro (Konpro's documented shapes) or heygen (HeyGen v1's envelopes)",
      })
      .default('konpro'),
    KONPRO_EMULATOR_CHECK_URLS: z
      .enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' })
      .optional(),
    // Loopback receivers for the URL check, the page's URL rule and the emulator: a developer's
    // own machine, and the tests. Refused with a HOST other machines reach (settings.ts).
    KONPRO_CHECK_ALLOW_LOOPBACK: z
      .enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' })
      .optional(),
    // Below the page's own 15 s, so the admin gets this server's 504 (with a request id) rather than
    // a bare timeout in the browser.
    KONPRO_UPSTREAM_TIMEOUT_MS: z
      .string()
      .regex(/^\d+$/, { error: upstreamTimeoutError })
      .transform(Number)
      .refine((n) => n >= 1 && n < PAGE_TIMEOUT_MS, { error: upstreamTimeoutError })
      .default(10_000),
    // Sessions, history and the write lock in a PostgreSQL that copies of the server share.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, {
        error:
          'must be a PostgreSQL URL such as postgres://user:password@db.example.com:5432/editor',
      })
      .optional(),
    HISTORY_DAYS: wholeNumber(1, 36_500).default(365),
    ALLOWED_HOSTS: z.string().optional(),
    // A `;` or newline would let this value add directives of its own; a `,` starts a second policy.
    FRAME_ANCESTORS: z
      .string()
      .regex(/^[^;,\r\n]+$/, {
        error: "must be CSP sources separated by spaces, e.g. 'self' https://portal.example.com",
      })
      .default("'self'"),
    STATIC_DIR: z.string().optional(),
    LOG_LEVEL: z
      .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
        error: 'must be one of trace, debug, info, warn, error, fatal, silent',
      })
      .default('info'),
    ...signInEnvFields,
  })
  .superRefine((env, ctx) => {
    // With sign-in on, the emulator's /v1 routes are open to anyone who can reach the server, and
    // the dev key is printed in the README: a write with it would go through with no audit line.
    const signInOn = env.OIDC_ISSUER !== undefined || env.KONPRO_AUTH === 'none';
    const devKey = env.KONPRO_API_KEY === undefined || env.KONPRO_API_KEY === DEV_API_KEY;
    if (env.KONPRO_API_BASE === undefined && devKey && signInOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['KONPRO_API_KEY'],
        message:
          'must be set to a key of your own when admins sign in (OIDC_ISSUER or KONPRO_AUTH=none): ' +
          "the emulator's published dev key would let anyone who reaches this server write to it",
      });
    }
    if (env.KONPRO_API_BASE !== undefined && env.KONPRO_API_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['KONPRO_API_KEY'],
        message: 'is required when KONPRO_API_BASE is set (the server adds it to every call)',
      });
    }
  });
