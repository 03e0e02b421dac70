import { describe, expect, it } from 'vitest';
import { signInApp } from '../test-support/sign-in-app';

describe('request ids', () => {
  it('gives every answer an id of its own, in the body, the header and the log line', async () => {
    const { app, lines } = await signInApp({});
    const response = await app.request('/api/v1/webhook/nope', {
      headers: { 'x-request-id': 'req_chosen_by_client' },
    });
    const { request_id } = (await response.json()) as { request_id: string };
    expect(request_id).toMatch(/^req_[0-9a-f]{16}$/);
    expect(response.headers.get('x-request-id')).toBe(request_id);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request',
        method: 'GET',
        path: '/api/v1/webhook/nope',
        status: 404,
        request_id,
      }),
    ]);
  });

  it('logs the path without its query, which may hold a sign-in code', async () => {
    const { app, lines } = await signInApp({});
    await app.request('/auth/callback?code=secret-code&state=s');
    expect(JSON.stringify(lines)).not.toContain('secret-code');
  });
});
