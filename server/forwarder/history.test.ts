// The change history through /api: what each write records, and what the route serves.
import { describe, expect, it } from 'vitest';
import { endpointVersion } from '../../contract/endpoint-version';
import { jsonAnswer, proxyApp } from '../test-support/proxy-app';

const HISTORY = '/api/v1/webhook/endpoint.history?endpoint_id=ep_1';
const stored = {
  endpoint_id: 'ep_1',
  url: 'https://old.example/h',
  secret: 'whsec_kept_out_of_history',
  status: 'enabled',
  events: ['avatar_video.success'],
};
const json = { 'content-type': 'application/json' };

/** A Konpro that holds one endpoint and applies updates to it. */
function konpro() {
  let endpoint = { ...stored };
  return proxyApp(async (request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('endpoint.list')) return jsonAnswer({ data: [endpoint] });
    if (path.endsWith('endpoint.update')) {
      const body = (await request.json()) as Partial<typeof stored>;
      endpoint = { ...endpoint, ...body };
      return jsonAnswer(endpoint);
    }
    if (path.endsWith('endpoint.add')) {
      return jsonAnswer({
        ...stored,
        endpoint_id: 'ep_new',
        url: 'https://new.example/h',
        events: [],
      });
    }
    return jsonAnswer({ endpoint_id: 'ep_1', status: 'deleted' });
  });
}

const history = async (app: ReturnType<typeof konpro>['app'], id = 'ep_1') =>
  ((await (await app.request(HISTORY.replace('ep_1', id))).json()) as { data: object[] }).data;

describe('the change history', () => {
  it('records an update in words a person can read back: URL from/to, events added/removed', async () => {
    const { app } = konpro();
    const response = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { ...json, 'if-match': endpointVersion(stored) },
      body: JSON.stringify({
        endpoint_id: 'ep_1',
        url: 'https://new.example/h',
        events: ['avatar_video.fail'],
      }),
    });
    expect(response.status).toBe(200);
    const [entry] = await history(app);
    expect(entry).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      actor: 'local',
      action: 'endpoint.update',
      request_id: response.headers.get('x-request-id'),
      changes: {
        url: { from: 'https://old.example/h', to: 'https://new.example/h' },
        events_added: ['avatar_video.fail'],
        events_removed: ['avatar_video.success'],
      },
    });
    expect(JSON.stringify(entry)).not.toContain('whsec_');
  });

  it('says "all" for Konpro’s empty list, records adds, deletes and reveals, newest first', async () => {
    const { app } = konpro();
    await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ endpoint_id: 'ep_1', events: [] }),
    });
    await app.request('/api/v1/webhook/endpoint.secret?endpoint_id=ep_1');
    await app.request('/api/v1/webhook/endpoint.delete?endpoint_id=ep_1', { method: 'DELETE' });
    const added = await app.request('/api/v1/webhook/endpoint.add', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ url: 'https://new.example/h', events: [] }),
    });
    expect(added.status).toBe(200);
    expect(
      (await history(app)).map((e) => [
        (e as { action: string }).action,
        (e as { changes: object }).changes,
      ]),
    ).toEqual([
      ['endpoint.delete', {}],
      ['endpoint.secret', {}],
      ['endpoint.update', { events_added: ['all'], events_removed: ['avatar_video.success'] }],
    ]);
    expect(await history(app, 'ep_new')).toEqual([
      expect.objectContaining({
        action: 'endpoint.add',
        changes: { url: { from: null, to: 'https://new.example/h' }, events_added: ['all'] },
      }),
    ]);
  });

  it('records a save that found the endpoint changed elsewhere, and an update that changed nothing as a reveal', async () => {
    const { app } = konpro();
    const stale = await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { ...json, 'if-match': '"an-older-version"' },
      body: JSON.stringify({ endpoint_id: 'ep_1', url: 'https://mine.example/h' }),
    });
    expect(stale.status).toBe(412);
    await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ endpoint_id: 'ep_1', url: stored.url }),
    });
    expect(
      (await history(app)).map((e) => [
        (e as { action: string }).action,
        (e as { changes: object }).changes,
      ]),
    ).toEqual([
      ['endpoint.secret', {}],
      ['endpoint.update', { changed_elsewhere: true }],
    ]);
  });

  it('records nothing for a refused write or a read', async () => {
    const { app } = konpro();
    await app.request('/api/v1/webhook/endpoint.list');
    await app.request('/api/v1/webhook/endpoint.update', {
      method: 'PATCH',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ endpoint_id: 'ep_1', url: 'https://x.example/h' }),
    });
    expect(await history(app)).toEqual([]);
  });

  it('serves the newest entries up to `limit`, and says what is wrong with a bad one', async () => {
    const { app } = konpro();
    for (const events of [['a.one'], ['a.two'], ['a.three']]) {
      await app.request('/api/v1/webhook/endpoint.update', {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ endpoint_id: 'ep_1', events }),
      });
    }
    const read = async (query: string) => {
      const response = await app.request(`${HISTORY}${query}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const two = await read('&limit=2');
    expect(two.status).toBe(200);
    expect((two.body.data as { changes: object }[]).map((entry) => entry.changes)).toEqual([
      { events_added: ['a.three'], events_removed: ['a.two'] },
      { events_added: ['a.two'], events_removed: ['a.one'] },
    ]);
    expect((await read('&limit=500')).body.data).toHaveLength(3);
    expect((await read('')).body.data).toHaveLength(3);
    for (const bad of ['0', '501', '-1', '1.5', '01', '1e2', 'ten', '%20', '9999']) {
      const answer = await read(`&limit=${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body, bad).toMatchObject({
        error: { message: 'limit must be a whole number from 1 to 500' },
      });
    }
    for (const [query, message] of [
      ['&limit=', 'limit must not be empty'],
      ['&limit=2&limit=3', 'limit must be given once'],
      ['&lmit=2', 'This route takes only endpoint_id and limit as query parameters'],
    ]) {
      const answer = await read(query ?? '');
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toMatchObject({ error: { message } });
    }
    const withoutId = await app.request('/api/v1/webhook/endpoint.history?limit=2');
    expect(withoutId.status).toBe(400);
  });
});
