// The backend-for-frontend: `/api/v1/...` from the browser goes to Konpro's `/v1/...` with the
// server's API key added. The browser never holds the key, and nothing the browser sends besides
// the body, content-type and accept reaches Konpro: cookies and a key of its own are dropped.
import { errorResponse } from '../http/error-response';
import { payloadTooLargeResponse, readBodyLimited } from '../http/read-body';
import { passBack } from './pass-back';

/** Konpro over the network, or the emulator called in-process: the same forwarding either way. */
export type Upstream = (request: Request) => Promise<Response>;

export interface ForwarderOptions {
  upstream: Upstream;
  /** Konpro's base URL without `/v1`. */
  base: string;
  apiKey: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

const FORWARDED_HEADERS = ['content-type', 'accept'];

export function createForwarder(
  options: ForwarderOptions,
): (request: Request) => Promise<Response> {
  const log = options.log ?? ((line: string) => console.error(line));
  return async (request) => {
    const incoming = new URL(request.url);
    const path = incoming.pathname.replace(/^\/api/, '');
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const read = await readBodyLimited(request);
      if (!read.ok) return payloadTooLargeResponse();
      if (read.bytes.byteLength > 0) body = read.bytes;
    }
    const headers = new Headers({ 'x-api-key': options.apiKey });
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }

    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The deadline covers the body as well as the headers, so a stalled stream still ends in a 504.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error('deadline'));
      }, options.timeoutMs);
    });
    try {
      // `manual`: following a redirect to another host would hand that host the key.
      const outgoing = new Request(options.base + path + incoming.search, {
        method: request.method,
        headers,
        body: body ?? null,
        redirect: 'manual',
        signal: controller.signal,
      });
      const response = await Promise.race([options.upstream(outgoing), deadline]);
      const bytes = await Promise.race([response.arrayBuffer(), deadline]);
      return passBack(response, bytes, options.apiKey, path);
    } catch (error) {
      if (controller.signal.aborted) {
        log(`Forwarding ${request.method} ${path}: no answer within ${options.timeoutMs} ms`);
        return errorResponse(
          504,
          'UPSTREAM_TIMEOUT',
          `Konpro's API did not answer within ${options.timeoutMs / 1000} seconds`,
        );
      }
      log(`Forwarding ${request.method} ${path} failed: ${describe(error)}`);
      return errorResponse(502, 'UPSTREAM_UNREACHABLE', "Konpro's API could not be reached");
    } finally {
      clearTimeout(timer);
    }
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
