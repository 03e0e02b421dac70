// One structured logger for the whole server: a JSON line per event on stdout, which log shippers
// read as they are. Each line written while a request is handled carries that request's id, the
// one the page shows in its error banners, so an admin's screenshot leads to the line.
import { tryGetContext } from 'hono/context-storage';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

// The code never logs these on purpose; redaction makes sure a careless field cannot either.
const REDACTED_PATHS = [
  'secret',
  '*.secret',
  'key',
  'api_key',
  'apiKey',
  '*.apiKey',
  'x-api-key',
  '*["x-api-key"]',
  'headers.cookie',
  'headers.authorization',
  'cookie',
  'authorization',
  'client_secret',
  'session_secret',
  'id_token',
  'access_token',
  'refresh_token',
];

/**
 * Every field a line carries is bounded: a request's path, a provider's error text or an
 * upstream's message is chosen by whoever sent it, and must not fill the log or its shipper.
 */
export const MAX_LOGGED_CHARS = 512;
const MAX_LOGGED_DEPTH = 4;
const MAX_LOGGED_KEYS = 32;

function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_LOGGED_CHARS ? `${value.slice(0, MAX_LOGGED_CHARS)}…` : value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (depth >= MAX_LOGGED_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) {
    return value.slice(0, MAX_LOGGED_KEYS).map((item) => bounded(item, depth + 1));
  }
  const entries = Object.entries(value).slice(0, MAX_LOGGED_KEYS);
  return Object.fromEntries(
    entries.map(([key, item]) => [bounded(key, depth + 1), bounded(item, depth + 1)]),
  );
}

const options: LoggerOptions = {
  base: undefined,
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => bounded(arg)) as Parameters<typeof method>);
    },
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  mixin() {
    const requestId = tryGetContext<{ Variables: { requestId?: string } }>()?.var.requestId;
    return requestId === undefined ? {} : { request_id: requestId };
  },
};

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return destination ? pino({ ...options, level }, destination) : pino({ ...options, level });
}
