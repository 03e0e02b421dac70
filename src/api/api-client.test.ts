import { HttpResponse, delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { server } from '../test/msw-server';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';

const URL = 'http://localhost/api/v1/thing';
const client = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 200 });
const thing = z.object({ id: z.string() });

async function failure(): Promise<ApiError> {
  const error: unknown = await client
    .request('/v1/thing', { schema: thing })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('envelopes', () => {
  it.each([
    ['a bare object', { id: 'a' }],
    ['{data}', { data: { id: 'a' } }],
    ["HeyGen's {code, data, message}", { code: 100, data: { id: 'a' }, msg: null, message: null }],
  ])('unwraps %s', async (_name, body) => {
    server.use(http.get(URL, () => HttpResponse.json(body)));
    await expect(client.request('/v1/thing', { schema: thing })).resolves.toEqual({ id: 'a' });
  });
});

describe('errors', () => {
  it("reads Konpro's documented error with its field and request id", async () => {
    server.use(
      http.get(URL, () =>
        HttpResponse.json(
          {
            error: {
              code: 'VALIDATION_ERROR',
              message: 'The request body is invalid',
              details: { field: 'url', reason: 'URL must use HTTPS' },
            },
            request_id: 'req-123456',
          },
          { status: 400 },
        ),
      ),
    );
    expect(await failure()).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'URL must use HTTPS',
      field: 'url',
      requestId: 'req-123456',
    });
  });

  it("reads the SDK's variant with request_id inside error", async () => {
    server.use(
      http.get(URL, () =>
        HttpResponse.json(
          { error: { code: 'NOT_FOUND', message: 'No such endpoint', request_id: 'req-9' } },
          { status: 404 },
        ),
      ),
    );
    expect(await failure()).toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: 'req-9' });
  });

  it("reads FastAPI's 422 detail list and maps loc to a field", async () => {
    server.use(
      http.get(URL, () =>
        HttpResponse.json(
          { detail: [{ loc: ['body', 'events', 0], msg: 'unknown event', type: 'value_error' }] },
          { status: 422 },
        ),
      ),
    );
    expect(await failure()).toMatchObject({
      status: 422,
      code: 'VALIDATION_ERROR',
      message: 'unknown event',
      field: 'events',
    });
  });

  it("reads HeyGen's {code, message}", async () => {
    server.use(
      http.get(URL, () => HttpResponse.json({ code: 40001, message: 'Bad key' }, { status: 401 })),
    );
    expect(await failure()).toMatchObject({ status: 401, code: '40001', message: 'Bad key' });
  });

  it('turns an HTML page from a proxy into a clear error', async () => {
    server.use(
      http.get(URL, () =>
        HttpResponse.html('<html><body>Bad gateway</body></html>', { status: 502 }),
      ),
    );
    const error = await failure();
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect(error.message).toMatch(/could not reach Konpro.*not JSON/);
  });

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get(URL, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down' } },
          { status: 429, headers: { 'retry-after': '17' } },
        ),
      ),
    );
    expect(await failure()).toMatchObject({ status: 429, retryAfterSeconds: 17 });
  });

  it('calls a 200 that is not JSON an invalid response', async () => {
    server.use(http.get(URL, () => HttpResponse.text('OK')));
    expect(await failure()).toMatchObject({ kind: 'invalid-response', code: 'INVALID_RESPONSE' });
  });

  it('calls a 200 in the wrong shape an invalid response', async () => {
    server.use(http.get(URL, () => HttpResponse.json({ id: 42 })));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect(error.message).toMatch(/shape/);
  });

  it('reports a dropped connection as a network error', async () => {
    server.use(http.get(URL, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({ kind: 'network', code: 'NETWORK_ERROR' });
  });

  it('gives up after the timeout', async () => {
    server.use(
      http.get(URL, async () => {
        await delay(1000);
        return HttpResponse.json({ id: 'late' });
      }),
    );
    expect(await failure()).toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
  });
});

describe('requests', () => {
  it('sends JSON with the headers the host supplies', async () => {
    let seen: { headers: Headers; body: unknown } | undefined;
    server.use(
      http.patch(URL, async ({ request }) => {
        seen = { headers: request.headers, body: await request.json() };
        return HttpResponse.json({ id: 'a' });
      }),
    );
    const withToken = createApiClient({
      baseUrl: 'http://localhost/api/',
      getHeaders: () => Promise.resolve({ authorization: 'Bearer short-lived' }),
    });
    await withToken.request('/v1/thing', { method: 'PATCH', body: { a: 1 }, schema: thing });
    expect(seen?.body).toEqual({ a: 1 });
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(seen?.headers.get('authorization')).toBe('Bearer short-lived');
  });

  it('sends If-Match to its own origin only, so no portal preflight can refuse a save', async () => {
    const seen: (string | null)[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(request.headers.get('if-match'));
      return HttpResponse.json({ id: 'a' });
    };
    const own = `${window.location.origin}/api`;
    server.use(http.patch(`${own}/v1/thing`, record), http.patch(URL, record));
    const options = { method: 'PATCH', body: {}, schema: thing, ifMatch: '"v1-abc"' } as const;

    await createApiClient({ baseUrl: '/api' }).request('/v1/thing', options);
    await createApiClient({ baseUrl: own }).request('/v1/thing', options);
    await createApiClient({ baseUrl: 'http://localhost/api' }).request('/v1/thing', options);
    expect(window.location.origin).not.toBe('http://localhost');
    expect(seen).toEqual(['"v1-abc"', '"v1-abc"', null]);
  });
});

describe('a token that expires mid-edit', () => {
  /** Answers 401 to every token but the `accepted` one, recording each request. */
  function guard(accepted: string) {
    const seen: { token: string | null; body: unknown }[] = [];
    server.use(
      http.patch(URL, async ({ request }) => {
        const token = request.headers.get('authorization');
        seen.push({ token, body: await request.json() });
        if (token !== accepted) {
          return HttpResponse.json(
            { error: { code: 'UNAUTHORIZED', message: 'Token expired' } },
            { status: 401 },
          );
        }
        return HttpResponse.json({ id: 'a' });
      }),
    );
    return seen;
  }
  /** A host's getHeaders handing out `tokens` in turn. */
  function tokens(...list: string[]) {
    const calls: string[] = [];
    const getHeaders = () => {
      const token = list[calls.length] ?? 'none left';
      calls.push(token);
      return Promise.resolve({ authorization: token });
    };
    return { calls, getHeaders };
  }
  const save = (withClient: ReturnType<typeof createApiClient>) =>
    withClient.request('/v1/thing', { method: 'PATCH', body: { url: 'x' }, schema: thing });

  it('asks getHeaders again once and sends the request once more', async () => {
    const seen = guard('Bearer fresh');
    const host = tokens('Bearer expired', 'Bearer fresh');
    const portal = createApiClient({ baseUrl: 'http://localhost/api', ...host });

    await expect(save(portal)).resolves.toEqual({ id: 'a' });
    expect(host.calls).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(seen).toEqual([
      { token: 'Bearer expired', body: { url: 'x' } },
      { token: 'Bearer fresh', body: { url: 'x' } },
    ]);
  });

  it('reports the 401 when the second token is refused too, after two requests', async () => {
    const seen = guard('Bearer never');
    const host = tokens('Bearer expired', 'Bearer also-expired', 'Bearer third');
    const portal = createApiClient({ baseUrl: 'http://localhost/api', ...host });

    const error: unknown = await save(portal).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 401, message: 'Token expired' });
    expect(seen).toHaveLength(2);
    expect(host.calls).toHaveLength(2);
  });

  it('reports a 401 at once without getHeaders, as the standalone page signs in again', async () => {
    const seen = guard('Bearer never');
    const error: unknown = await save(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(seen).toHaveLength(1);
  });
});
