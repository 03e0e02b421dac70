import { describe, expect, it } from 'vitest';
import { endpointVersion } from '../../contract/endpoint-version';
import { matching } from '../test-support/matchers';
import { sameOrigin, signInApp } from '../test-support/sign-in-app';
import { createLogger } from './logger';

const UPDATE = '/api/v1/webhook/endpoint.update';
const EP = 'ep_demo_video_status';

function auditOf(lines: Record<string, unknown>[]) {
  return lines.filter((line) => line.audit === true);
}

describe('the audit line', () => {
  it('names who changed which endpoint, which fields, the answer and the request id', async () => {
    const { app, lines, cookieFor } = await signInApp();
    const response = await app.request(UPDATE, {
      method: 'PATCH',
      headers: sameOrigin(await cookieFor('ada@example.com')),
      body: JSON.stringify({ endpoint_id: EP, url: 'https://moved.example.com/hook' }),
    });
    expect(response.status).toBe(200);
    expect(auditOf(lines)).toEqual([
      {
        level: 'info',
        time: matching(/^\d{4}-\d\d-\d\dT/),
        msg: 'audit',
        audit: true,
        action: 'endpoint.update',
        actor: 'ada@example.com',
        endpoint_id: EP,
        changed: ['url'],
        status: 200,
        request_id: response.headers.get('x-request-id'),
      },
    ]);
  });

  it('covers add, delete and secret reveals, never reads, and never holds the secret', async () => {
    const { app, lines, cookieFor } = await signInApp();
    const headers = sameOrigin(await cookieFor('lin@team.example.com'));
    const added = await app.request('/api/v1/webhook/endpoint.add', {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: 'https://new.example.com/hook', events: ['avatar_video.fail'] }),
    });
    const { endpoint_id: newId, secret } = (await added.json()) as {
      endpoint_id: string;
      secret: string;
    };
    const revealed = await app.request(`/api/v1/webhook/endpoint.secret?endpoint_id=${newId}`, {
      headers: sameOrigin(headers.cookie ?? '', false),
    });
    expect(await revealed.json()).toEqual({ endpoint_id: newId, secret });
    await app.request('/api/v1/webhook/endpoint.list', {
      headers: sameOrigin(headers.cookie ?? '', false),
    });
    await app.request(`/api/v1/webhook/endpoint.delete?endpoint_id=${newId}`, {
      method: 'DELETE',
      headers: sameOrigin(headers.cookie ?? '', false),
    });

    expect(
      auditOf(lines).map(({ action, endpoint_id, changed, status, actor }) => ({
        action,
        endpoint_id,
        changed,
        status,
        actor,
      })),
    ).toEqual([
      {
        action: 'endpoint.add',
        endpoint_id: newId,
        changed: ['url', 'events'],
        status: 200,
        actor: 'lin@team.example.com',
      },
      {
        action: 'endpoint.secret',
        endpoint_id: newId,
        changed: [],
        status: 200,
        actor: 'lin@team.example.com',
      },
      {
        action: 'endpoint.delete',
        endpoint_id: newId,
        changed: [],
        status: 200,
        actor: 'lin@team.example.com',
      },
    ]);
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('writes an update that changes nothing as the secret read it is', async () => {
    const { app, lines, cookieFor } = await signInApp();
    const headers = sameOrigin(await cookieFor('ada@example.com'));
    const update = (body: object, extra: Record<string, string> = {}) =>
      app.request(UPDATE, {
        method: 'PATCH',
        headers: { ...headers, ...extra },
        body: JSON.stringify({ endpoint_id: EP, ...body }),
      });
    const stored = {
      url: 'https://example.com/webhooks/konpro',
      events: ['avatar_video.success', 'avatar_video.fail'],
    };
    // Konpro's update answer carries the secret, whatever the update changed.
    const bare = await update({});
    expect(bare.status).toBe(200);
    expect(await bare.text()).toMatch(/"secret":"whsec_/);
    // The same values as stored, events in another order, with and without If-Match.
    const same = { url: stored.url, events: [...stored.events].reverse() };
    expect((await update(same)).status).toBe(200);
    expect((await update(same, { 'if-match': endpointVersion(stored) })).status).toBe(200);
    expect((await update({ url: 'https://moved.example.com/hook' })).status).toBe(200);
    expect((await update({ url: 'https://moved.example.com/hook', events: null })).status).toBe(
      200,
    );

    expect(auditOf(lines).map(({ action, changed }) => ({ action, changed }))).toEqual([
      { action: 'endpoint.secret', changed: [] },
      { action: 'endpoint.secret', changed: [] },
      { action: 'endpoint.secret', changed: [] },
      { action: 'endpoint.update', changed: ['url'] },
      // `null` means all events: a change from the two stored.
      { action: 'endpoint.update', changed: ['url', 'events'] },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/whsec_/);
  });

  it('records refused writes too: signed out (actor null) and outsiders (their email)', async () => {
    const { app, lines, cookieFor } = await signInApp();
    const body = JSON.stringify({ endpoint_id: EP, events: [] });
    const signedOut = await app.request(UPDATE, { method: 'PATCH', headers: sameOrigin(''), body });
    const outsider = await app.request(UPDATE, {
      method: 'PATCH',
      headers: sameOrigin(await cookieFor('eve@other.example')),
      body,
    });
    expect(auditOf(lines)).toEqual([
      expect.objectContaining({
        actor: null,
        status: 401,
        endpoint_id: EP,
        changed: ['events'],
        request_id: signedOut.headers.get('x-request-id'),
      }),
      expect.objectContaining({
        actor: 'eve@other.example',
        status: 403,
        endpoint_id: EP,
        request_id: outsider.headers.get('x-request-id'),
      }),
    ]);
  });

  it('names the actor `local` where nobody signs in', async () => {
    const { app, lines } = await signInApp({});
    await app.request(UPDATE, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint_id: EP, url: 'https://moved.example.com/local' }),
    });
    expect(auditOf(lines)).toEqual([
      expect.objectContaining({ action: 'endpoint.update', actor: 'local', status: 200 }),
    ]);
  });
});

describe('the logger', () => {
  it('redacts keys, secrets, cookies and tokens wherever a careless field puts them', () => {
    const written: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void written.push(line) });
    logger.info({
      secret: 'whsec_1',
      endpoint: { secret: 'whsec_2' },
      headers: { 'x-api-key': 'key_3', cookie: 'kwe_session=4', authorization: 'Bearer 5' },
      id_token: 'eyJ6',
      client_secret: 'cs_7',
    });
    const line = written.join('');
    for (const value of [
      'whsec_1',
      'whsec_2',
      'key_3',
      'kwe_session=4',
      'Bearer 5',
      'eyJ6',
      'cs_7',
    ]) {
      expect(line).not.toContain(value);
    }
    expect(line).toContain('[redacted]');
  });
});
