import * as z from 'zod/mini';
import { ApiError } from './api-error';

const code = z.optional(z.union([z.string(), z.number()]));

const konproError = z.object({
  error: z.object({
    code,
    message: z.optional(z.string()),
    details: z.nullish(z.object({ field: z.optional(z.string()), reason: z.optional(z.string()) })),
    request_id: z.optional(z.string()),
  }),
  request_id: z.optional(z.string()),
});

const fastApiError = z.object({
  detail: z.union([
    z.string(),
    z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() })),
  ]),
});

const flatError = z.object({
  code,
  message: z.nullish(z.string()),
  msg: z.nullish(z.string()),
  error: z.optional(z.string()),
  request_id: z.optional(z.string()),
});

/**
 * HeyGen's codes for what the editor can place: its message is HeyGen's words, and after a colon
 * the specific reason when the server gives one (as this project's emulator does).
 */
const HEYGEN_CODES = new Map<string, { words: string; field?: string }>([
  ['400542', { words: 'Url of this webhook endpoint is invalid', field: 'url' }],
  ['400131', { words: 'Webhook endpoint not found' }],
]);

type Parts = {
  code?: string;
  message?: string;
  field?: string;
  requestId?: string;
  /** A body that is there but not JSON: an HTML page from a proxy, say. */
  notJson?: boolean;
};

export function errorFromResponse(status: number, bodyText: string, headers: Headers): ApiError {
  const parts = readBody(bodyText);
  return new ApiError({
    kind: 'http',
    status,
    code: parts.code,
    message: parts.message ?? defaultMessage(status, parts.notJson === true),
    serverMessage: parts.message,
    field: parts.field,
    // The header names the request as the server that answered logged it; a body's id may be
    // Konpro's, one hop further (the server's log line names both).
    requestId: headers.get('x-request-id') ?? parts.requestId,
    retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
    notJson: parts.notJson,
  });
}

function readBody(text: string): Parts {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { notJson: text.trim() !== '' };
  }
  const konpro = konproError.safeParse(body);
  if (konpro.success) {
    const { error, request_id } = konpro.data;
    const reason = error.details?.reason;
    return {
      code: error.code === undefined ? undefined : String(error.code),
      message: reason ?? error.message,
      field: error.details?.field,
      requestId: request_id ?? error.request_id,
    };
  }
  const fastApi = fastApiError.safeParse(body);
  if (fastApi.success) {
    const { detail } = fastApi.data;
    if (typeof detail === 'string') return { code: 'VALIDATION_ERROR', message: detail };
    const [first] = detail;
    const loc = first?.loc ?? [];
    // `loc` is a path such as ["body", "events", 0]: the request field is the step after body.
    const field = loc[0] === 'body' && loc[1] !== undefined ? String(loc[1]) : undefined;
    return { code: 'VALIDATION_ERROR', message: first?.msg, field };
  }
  const flat = flatError.safeParse(body);
  if (flat.success) {
    const { code, message, msg, error, request_id } = flat.data;
    const text = message ?? msg ?? error;
    const known = code === undefined ? undefined : HEYGEN_CODES.get(String(code));
    return {
      code: code === undefined ? undefined : String(code),
      message: known ? reasonOf(text, known.words) : text,
      field: known?.field,
      requestId: request_id,
    };
  }
  return {};
}

/** "Url of this webhook endpoint is invalid: The URL must start with https://" → the reason. */
function reasonOf(text: string | undefined, words: string): string {
  if (text === undefined || text.trim() === '') return words;
  const reason = text.startsWith(`${words}:`) ? text.slice(words.length + 1).trim() : '';
  return reason === '' ? text : reason;
}

function defaultMessage(status: number, notJson: boolean): string {
  const base = STATUS_MESSAGES[status] ?? `The server answered with an error (HTTP ${status}).`;
  return notJson ? `${base} The answer was not JSON, so it probably came from a proxy.` : base;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The server refused the request as invalid.',
  401: 'The server did not accept its API key.',
  403: 'The API key is not allowed to change this endpoint.',
  404: 'The endpoint was not found.',
  409: 'The endpoint was changed by someone else at the same time.',
  413: 'The request is too large.',
  422: 'The server refused the request as invalid.',
  429: 'Too many requests: the rate limit was reached.',
  500: 'The server failed while handling the request.',
  502: 'The server could not reach Konpro.',
  503: 'Konpro is unavailable right now.',
  504: 'Konpro did not answer in time.',
};

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
