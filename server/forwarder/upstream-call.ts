// One call to Konpro with the server's key, and the rules every answer passes before anything else
// looks at it: a deadline over headers and body, a size cap read as a stream (never buffered whole),
// no redirects, JSON only, and the key scrubbed from the parsed values should Konpro echo it.
import { errorResponse } from '../http/error-response';
import { JSON_TYPE } from '../http/json-type';

/** Konpro over the network, or the emulator called in-process: the same forwarding either way. */
export type Upstream = (request: Request) => Promise<Response>;

export interface UpstreamOptions {
  upstream: Upstream;
  /** Konpro's base URL without `/v1`. */
  base: string;
  apiKey: string;
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

  return async (call: UpstreamRequest): Promise<UpstreamAnswer> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    // The deadline covers the body as well as the headers: a stream that stalls still ends in a 504.
    const deadline = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('deadline')));
    });
    deadline.catch(() => undefined);
    const what = `${call.method} ${call.target}`;
    try {
      const request = new Request(options.base + call.target, {
        method: call.method,
        headers: { ...call.headers, 'x-api-key': options.apiKey },
        body: call.body ?? null,
        // Following a redirect to another host would hand that host the key.
        redirect: 'manual',
        signal: controller.signal,
      });
      const response = await Promise.race([options.upstream(request), deadline]);
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
      const bytes = await readCapped(response, maxBytes, deadline);
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
      if (controller.signal.aborted) {
        log(`Forwarding ${what}: no answer within ${options.timeoutMs} ms`);
        return {
          ok: false,
          response: errorResponse(
            504,
            'UPSTREAM_TIMEOUT',
            `Konpro's API did not answer within ${options.timeoutMs / 1000} seconds`,
          ),
        };
      }
      log(`Forwarding ${what} failed: ${describe(error)}`);
      return badGateway('UPSTREAM_UNREACHABLE', "Konpro's API could not be reached");
    } finally {
      clearTimeout(timer);
    }
  };
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
