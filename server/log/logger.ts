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

const options: LoggerOptions = {
  base: undefined,
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
