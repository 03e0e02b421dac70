import { describe, expect, it } from 'vitest';
import { apiError, emulatorHarness } from '../test-support/emulator-harness';

describe('emulator access and routing', () => {
  it('answers 401 MISSING_API_KEY without a key and INVALID_API_KEY for an unknown one', async () => {
    const { call } = await emulatorHarness();
    const missing = await call('GET', 'endpoint.list', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject(apiError('MISSING_API_KEY'));
    const invalid = await call('GET', 'endpoint.list', { key: 'guess' });
    expect(invalid.status).toBe(401);
    expect(invalid.json).toMatchObject(apiError('INVALID_API_KEY'));
  });

  it('limits each key per minute and says when to retry', async () => {
    let now = 1_000_000;
    const { call } = await emulatorHarness({ rateLimitPerMinute: 2, now: () => now });
    expect((await call('GET', 'endpoint.list')).status).toBe(200);
    now += 20_000;
    expect((await call('GET', 'webhook.list')).status).toBe(200);
    const limited = await call('GET', 'endpoint.list');
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject(apiError('RATE_LIMIT_EXCEEDED'));
    expect(limited.response.headers.get('retry-after')).toBe('40');
    // Another key has its own budget.
    expect((await call('GET', 'endpoint.list', { key: 'other_key_for_tests' })).status).toBe(200);
    now += 40_001;
    expect((await call('GET', 'endpoint.list')).status).toBe(200);
  });

  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const { call, app } = await emulatorHarness();
    const unknown = await call('GET', 'endpoint.explode');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject(apiError('NOT_FOUND'));
    expect((await app.request('/v1/other')).status).toBe(404);
    const wrong = await call('POST', 'endpoint.update', { body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get('allow')).toBe('PATCH');
    expect(wrong.json).toMatchObject(apiError('METHOD_NOT_ALLOWED'));
  });

  it('puts the same request id in the header and the error body, and forbids caching', async () => {
    const { call } = await emulatorHarness();
    const { response, json } = await call('GET', 'endpoint.list', { key: 'guess' });
    expect(json).toMatchObject({ request_id: response.headers.get('x-request-id') });
    const ok = await call('GET', 'endpoint.list');
    expect(ok.response.headers.get('cache-control')).toBe('no-store');
  });
});
