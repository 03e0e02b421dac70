import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../http/read-body';
import { apiError } from '../test-support/emulator-harness';
import { createForwarder, type Upstream } from './forward-request';

const KEY = 'server_side_key_123';

/** A fake Konpro that records what it was sent and answers with `answer`. */
function recordingUpstream(answer: () => Response | Promise<Response>) {
  const seen: Request[] = [];
  const upstream: Upstream = async (request) => {
    seen.push(request);
    return answer();
  };
  return { seen, upstream };
}

function forwarder(upstream: Upstream, timeoutMs = 1000) {
  return createForwarder({
    upstream,
    base: 'https://api.konpro.test',
    apiKey: KEY,
    timeoutMs,
    log: () => undefined,
  });
}

describe('createForwarder', () => {
  it("sends the request to /v1 with the server's key and without the browser's credentials", async () => {
    const { seen, upstream } = recordingUpstream(() => Response.json({ ok: true }));
    await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.update?x=1', {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-api-key': 'browser_key',
          cookie: 'session=abc',
          authorization: 'Bearer browser',
          'x-custom': 'nope',
        },
        body: '{"endpoint_id":"ep_1"}',
      }),
    );
    const [sent] = seen;
    expect(sent?.method).toBe('PATCH');
    expect(sent?.url).toBe('https://api.konpro.test/v1/webhook/endpoint.update?x=1');
    expect(Object.fromEntries(sent?.headers ?? [])).toEqual({
      'x-api-key': KEY,
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(await sent?.text()).toBe('{"endpoint_id":"ep_1"}');
  });

  it('keeps every endpoint secret of endpoint.list on the server, in either envelope', async () => {
    const endpoint = { endpoint_id: 'ep_1', url: 'https://a.example.com', secret: 'whsec_1' };
    for (const body of [{ data: [endpoint] }, { endpoints: [endpoint] }, [endpoint]]) {
      const { upstream } = recordingUpstream(() => Response.json(body));
      const response = await forwarder(upstream)(
        new Request('http://editor.local/api/v1/webhook/endpoint.list'),
      );
      const text = await response.text();
      expect(text).not.toContain('whsec_1');
      expect(text).toContain('ep_1');
    }
    // A save's answer still carries its secret: that is where the editor shows it.
    const { upstream } = recordingUpstream(() => Response.json(endpoint));
    const saved = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.update', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{"endpoint_id":"ep_1"}',
      }),
    );
    expect(await saved.text()).toContain('whsec_1');
  });

  it('passes back status, body and only the documented headers', async () => {
    const { upstream } = recordingUpstream(
      () =>
        new Response('{"error":{"code":"RATE_LIMIT_EXCEEDED"}}', {
          status: 429,
          headers: {
            'content-type': 'application/json',
            'retry-after': '7',
            'x-request-id': 'req_up',
            'set-cookie': 'tracking=1',
            server: 'konpro/1.0',
          },
        }),
    );
    const response = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.list'),
    );
    expect(response.status).toBe(429);
    expect(await response.text()).toBe('{"error":{"code":"RATE_LIMIT_EXCEEDED"}}');
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/json',
      'retry-after': '7',
      'x-request-id': 'req_up',
      'cache-control': 'no-store',
    });
  });

  it('never returns the key, even when Konpro echoes it', async () => {
    const { upstream } = recordingUpstream(
      () =>
        new Response(JSON.stringify({ error: { message: `Bad key ${KEY}` } }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'x-request-id': KEY },
        }),
    );
    const response = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/webhook.list'),
    );
    const text = await response.text();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toEqual({ error: { message: 'Bad key [redacted]' } });
    expect([...response.headers].flat().join(' ')).not.toContain(KEY);
  });

  it('turns a network failure into 502 UPSTREAM_UNREACHABLE', async () => {
    const upstream: Upstream = () => Promise.reject(new TypeError('fetch failed'));
    const response = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.list'),
    );
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_UNREACHABLE'));
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('turns no answer within the timeout into 504 UPSTREAM_TIMEOUT and aborts the call', async () => {
    const { seen, upstream } = recordingUpstream(() => new Promise<Response>(() => undefined));
    const response = await forwarder(
      upstream,
      30,
    )(new Request('http://editor.local/api/v1/webhook/endpoint.list'));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject(apiError('UPSTREAM_TIMEOUT'));
    expect(seen[0]?.signal.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    const stalled = new ReadableStream({ start: () => undefined });
    const { upstream } = recordingUpstream(() => new Response(stalled, { status: 200 }));
    const response = await forwarder(
      upstream,
      30,
    )(new Request('http://editor.local/api/v1/webhook/endpoint.list'));
    expect(response.status).toBe(504);
  });

  it('refuses a body over 64 KB with 413 without calling Konpro', async () => {
    const { seen, upstream } = recordingUpstream(() => Response.json({}));
    const response = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.add', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(MAX_BODY_BYTES + 1),
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject(apiError('PAYLOAD_TOO_LARGE'));
    expect(seen).toHaveLength(0);
  });

  it('does not follow a redirect, which would hand the key to another host', async () => {
    const { seen, upstream } = recordingUpstream(
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } }),
    );
    const response = await forwarder(upstream)(
      new Request('http://editor.local/api/v1/webhook/endpoint.list'),
    );
    expect(seen[0]?.redirect).toBe('manual');
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
  });
});
