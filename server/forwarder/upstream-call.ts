// One call to Konpro with the server's key, and the rules every answer passes before anything else
// looks at it: the request's deadline over headers and body, a size cap read as a stream (never
// buffered whole), no redirects, JSON only, and the key scrubbed from the parsed values should
// Konpro echo it.
import { errorResponse } from '../http/error-response';
import { JSON_TYPE } from '../http/json-type';
import type { Deadline } from './deadline';

/** Konpro over the network, or the emulator called in-process: the same forwarding either way. */
export type Upstream = (request: Request) => Promise<Response>;

export interface UpstreamOptions {
  upstream: Upstream;
  /** Konpro's base URL without `/v1`. */
  base: string;
  apiKey: string;
  /** One deadline over everything a request through the forwarder does (deadline.ts). */
  timeoutMs: number;
  /** The largest answer read, in bytes. */
  maxAnswerBytes?: number;
  log?: (line: string) => void;
}

export interface UpstreamRequest {
  method: string;
  /** Path and query, built by this server, e.g. `/v1/webhook/endpoint.list`. */
  target: string;
  body?: Uint8Array<ArrayBuffer> | undefined;
  headers?: Record<string, string>;
}

export type UpstreamAnswer =
  { ok: true; status: number; headers: Headers; json: unknown } | { ok: false; response: Response };

export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;
const REDACTED = '[redacted]';

export function createUpstreamCall(options: UpstreamOptions) {
  const log = options.log ?? ((line: string) => console.error(line));
  const maxBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const badGateway = (code: string, message: string): UpstreamAnswer => ({
    ok: false,
    response: errorResponse(502, code, message),
  });

  /**
   * `stopOn` ends the call: the request's deadline, or also its client going away (a read nobody
   * waits for). A write already sent is waited for until the deadline, so the next write to the
   * endpoint cannot overtake it.
   */
  return async (
    call: UpstreamRequest,
    deadline: Deadline,
    stopOn: AbortSignal = deadline.abandoned,
  ): Promise<UpstreamAnswer> => {
    // The deadline covers the body as well as the headers: a stream that stalls still ends in a 504.
    const ended = new Promise<never>((_, reject) => {
      stopOn.addEventListener('abort', () => reject(new Error('deadline')), { once: true });
    });
    ended.catch(() => undefined);
    const what = `${call.method} ${call.target}`;
    try {
      // An in-process upstream (the emulator) would act on a call whose signal is already aborted.
      stopOn.throwIfAborted();
      const request = new Request(options.base + call.target, {
        method: call.method,
        headers: { ...call.headers, 'x-api-key': options.apiKey },
        body: call.body ?? null,
        // Following a redirect to another host would hand that host the key.
        redirect: 'manual',
        signal: stopOn,
      });
      const response = await Promise.race([options.upstream(request), ended]);
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        return badGateway(
          'UPSTREAM_REDIRECT',
          "Konpro's API answered with a redirect; check KONPRO_API_BASE",
        );
      }
      if (!JSON_TYPE.test(response.headers.get('content-type') ?? '')) {
        await response.body?.cancel();
        log(`Forwarding ${what}: Konpro answered ${response.status} without JSON`);
        return badGateway(
          'UPSTREAM_NOT_JSON',
          `Konpro's API answered ${response.status} with something that is not JSON`,
        );
      }
      const bytes = await readCapped(response, maxBytes, ended);
      if (bytes === null) {
        log(`Forwarding ${what}: answer over ${maxBytes} bytes`);
        return badGateway(
          'UPSTREAM_TOO_LARGE',
          `Konpro's API answered with more than ${maxBytes / 1024 / 1024} MB`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        return badGateway('UPSTREAM_NOT_JSON', "Konpro's API answered with malformed JSON");
      }
      return {
        ok: true,
        status: response.status,
        headers: response.headers,
        json: scrub(json, options.apiKey),
      };
    } catch (error) {
      if (stopOn.aborted) {
        log(
          deadline.expired.aborted
            ? `Forwarding ${what}: no answer within ${deadline.ms} ms`
            : `Forwarding ${what}: the client went away`,
        );
        return { ok: false, response: stopped(deadline) };
      }
      log(`Forwarding ${what} failed: ${describe(error)}`);
      return badGateway('UPSTREAM_UNREACHABLE', "Konpro's API could not be reached");
    }
  };
}

/**
 * The answer once the deadline passed or a write was too late to start (504), or the client went
 * away (499, which nobody reads; the log and audit line show it).
 */
export function stopped(deadline: Deadline, notSent = false): Response {
  const seconds = deadline.ms / 1000;
  if (!deadline.clientGone) {
    return errorResponse(
      504,
      'UPSTREAM_TIMEOUT',
      notSent
        ? `The change was not sent to Konpro: it waited too long to finish within the ${seconds} seconds this server allows a request`
        : `Konpro's API did not answer within ${seconds} seconds`,
    );
  }
  const outcome = notSent ? '; the change was not sent to Konpro' : '';
  return errorResponse(499, 'CLIENT_CLOSED_REQUEST', `The client went away${outcome}`);
}

/** The body, or null once it passes `limit` (the rest is never read). */
async function readCapped(
  response: Response,
  limit: number,
  deadline: Promise<never>,
): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit || !response.body) {
    await response.body?.cancel();
    return declared > limit ? null : new Uint8Array(0);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), deadline]);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Some APIs quote the key they rejected; the parsed values are cleaned, never the raw text. */
function scrub(value: unknown, apiKey: string): unknown {
  if (typeof value === 'string') return value.replaceAll(apiKey, REDACTED);
  if (Array.isArray(value)) return value.map((item) => scrub(item, apiKey));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrub(key, apiKey), scrub(item, apiKey)]),
    );
  }
  return value;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
