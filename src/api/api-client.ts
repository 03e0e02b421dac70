import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import { DEFAULT_TIMEOUT_MS } from '../../contract/page-timeout';
import { unwrapEnvelope } from '../../contract/envelope';
import { errorFromResponse } from './normalize-error';

export type ApiClientOptions = {
  /** Where the backend-for-frontend answers; the browser never talks to Konpro directly. */
  baseUrl?: string | undefined;
  /**
   * Extra headers per request, e.g. a host portal's short-lived token; read at each request. When
   * set, a 401 asks for them once more and the request is sent once more with them.
   */
  getHeaders?: (() => Promise<Record<string, string>> | Record<string, string>) | undefined;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
};

export type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal | undefined;
  /**
   * The version the change is based on. Sent as `If-Match` to this page's own origin only: a
   * portal backend elsewhere would have to allow the header in CORS, and refusing the preflight
   * would fail every save.
   */
  ifMatch?: string | undefined;
};

export type ApiClient = {
  request<T>(path: string, options: RequestOptions<T>): Promise<T>;
};

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(path: string, requestOptions: RequestOptions<T>): Promise<T> {
    let answer = await send(path, requestOptions, await options.getHeaders?.());
    // A portal's short-lived token may expire mid-edit. A 401 is a refusal, so nothing was done
    // and sending the same request again cannot do it twice; with fresh headers, once.
    const { getHeaders } = options;
    if (answer.response.status === 401 && getHeaders !== undefined) {
      answer = await send(path, requestOptions, await getHeaders());
    }
    const { response, text } = answer;
    if (!response.ok) throw errorFromResponse(response.status, text, response.headers);
    return parseBody(text, requestOptions.schema, response);
  }

  async function send(
    path: string,
    { method = 'GET', body, signal, ifMatch }: RequestOptions<unknown>,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined && isSameOrigin(baseUrl)) headers['if-match'] = ifMatch;

    // A plain timer rather than AbortSignal.timeout, so tests with fake clocks can drive it.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: combined,
        credentials: 'same-origin',
      });
      text = await response.text();
    } catch (error) {
      // The caller's own abort (a newer request, an unmounted screen) is not a failure to report.
      if (signal?.aborted) throw error;
      if (timeout.signal.aborted) {
        const timeoutSeconds = Math.round(timeoutMs / 1000);
        throw new ApiError({
          kind: 'timeout',
          message: `The server did not answer within ${timeoutSeconds} seconds.`,
          timeoutSeconds,
        });
      }
      throw new ApiError({
        kind: 'network',
        message: 'Could not reach the server. Check your connection and try again.',
      });
    } finally {
      clearTimeout(timer);
    }
    return { response, text };
  }

  return { request };
}

function parseBody<T>(text: string, schema: z.ZodMiniType<T>, response: Response): T {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const invalid = (message: string, notJson = false) =>
    new ApiError({
      kind: 'invalid-response',
      status: response.status,
      message,
      requestId,
      notJson,
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('The server answered with something that is not JSON.', true);
  }
  const parsed = schema.safeParse(unwrapEnvelope(json));
  if (!parsed.success) throw invalid('The server answered in a shape this editor does not know.');
  return parsed.data;
}

function isSameOrigin(baseUrl: string): boolean {
  if (typeof window === 'undefined') return false;
  return new URL(baseUrl, window.location.href).origin === window.location.origin;
}
