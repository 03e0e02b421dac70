import { describe, expect, it } from 'vitest';
import { apiError } from '../test-support/emulator-harness';
import { jsonAnswer, proxyApp } from '../test-support/proxy-app';
import { sameOrigin, signInApp } from '../test-support/sign-in-app';
import { SECRET_READS_PER_MINUTE } from './secret-reads';

const SECRET = '/api/v1/webhook/endpoint.secret';
const UPDATE = '/api/v1/webhook/endpoint.update';
const endpoint = {
  endpoint_id: 'ep_1',
  url: 'https://a.example.com/hook',
  secret: 'whsec_1',
  status: 'enabled',
  events: ['video.created'],
};

describe('secret reads', () => {
  it('are limited per minute with a 429 and Retry-After, updates that change nothing included', async () => {
    const { app, seen } = proxyApp((request) =>
      jsonAnswer(request.method === 'GET' ? { data: [endpoint] } : endpoint),
    );
    for (let i = 0; i < SECRET_READS_PER_MINUTE; i += 1) {
      expect((await app.request(`${SECRET}?endpoint_id=ep_1`)).status).toBe(200);
    }
    const calls = seen.length;
    const refused = await app.request(`${SECRET}?endpoint_id=ep_1`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject(apiError('RATE_LIMIT_EXCEEDED'));
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);

    // An update naming no field, or only what is stored, would answer the secret just the same.
    const patch = (body: object) =>
      app.request(UPDATE, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ endpoint_id: 'ep_1', ...body }),
      });
    expect((await patch({})).status).toBe(429);
    expect((await patch({ url: endpoint.url })).status).toBe(429);
    expect(seen.slice(calls).map((request) => request.method)).toEqual(['GET']);
    // A real change is a write, not a read: it goes through.
    expect((await patch({ url: 'https://b.example.com/hook' })).status).toBe(200);
    expect(seen.slice(calls).map((request) => request.method)).toEqual(['GET', 'GET', 'PATCH']);
  });

  it('are counted per admin, and a refused one is audited as a secret read', async () => {
    const { app, lines, cookieFor } = await signInApp();
    const ada = sameOrigin(await cookieFor('ada@example.com'), false);
    const lin = sameOrigin(await cookieFor('lin@team.example.com'), false);
    const read = (headers: Record<string, string>) =>
      app.request(`${SECRET}?endpoint_id=ep_demo_video_status`, { headers });
    for (let i = 0; i < SECRET_READS_PER_MINUTE; i += 1) expect((await read(ada)).status).toBe(200);
    expect((await read(ada)).status).toBe(429);
    expect((await read(lin)).status).toBe(200);
    const audit = lines.filter((line) => line.audit === true);
    expect(audit.at(-2)).toMatchObject({
      action: 'endpoint.secret',
      actor: 'ada@example.com',
      status: 429,
    });
    expect(audit.at(-1)).toMatchObject({ actor: 'lin@team.example.com', status: 200 });
  });
});
