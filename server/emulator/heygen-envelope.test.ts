import { describe, expect, it } from 'vitest';
import { apiError, emulatorHarness } from '../test-support/emulator-harness';
import { listContaining, matching, objectContaining } from '../test-support/matchers';

describe('the emulator with KONPRO_EMULATOR_ENVELOPE=heygen', () => {
  it("answers every route in HeyGen v1's success envelope", async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    const added = await call('POST', 'endpoint.add', {
      body: {
        url: 'https://example.com/heygen',
        events: ['avatar_video.success'],
        entity_id: 'crm-7',
      },
    });
    expect(added.status).toBe(200);
    expect(added.json).toEqual({
      code: 100,
      data: objectContaining({
        endpoint_id: matching(/^ep_/),
        url: 'https://example.com/heygen',
        entity_id: 'crm-7',
        secret: matching(/^whsec_/),
      }),
      msg: null,
      message: null,
    });
    const id = (added.json as { data: { endpoint_id: string } }).data.endpoint_id;
    const list = await call('GET', 'endpoint.list');
    expect(list.json).toMatchObject({
      code: 100,
      data: listContaining([objectContaining({ endpoint_id: 'ep_demo_video_status' })]),
    });
    const updated = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: id, events: ['avatar_video.fail'] },
    });
    expect(updated.json).toMatchObject({
      code: 100,
      data: { endpoint_id: id, events: ['avatar_video.fail'], entity_id: 'crm-7' },
    });
    const catalog = await call('GET', 'webhook.list');
    expect(catalog.json).toMatchObject({
      code: 100,
      data: expect.arrayContaining(['batch.finished']) as unknown,
    });
  });

  it('writes "all events" as events: null and a missing entity_id as null, as HeyGen does', async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    const list = await call('GET', 'endpoint.list');
    const items = (list.json as { data: Record<string, unknown>[] }).data;
    expect(items.find((e) => e.endpoint_id === 'ep_demo_all_events')).toMatchObject({
      events: null,
      entity_id: null,
    });
    expect(items.find((e) => e.endpoint_id === 'ep_demo_video_status')).toMatchObject({
      events: ['avatar_video.success', 'avatar_video.fail'],
      entity_id: null,
    });
    for (const item of items) expect(Object.keys(item)).toContain('entity_id');

    const added = await call('POST', 'endpoint.add', {
      body: { url: 'https://example.com/all', events: [] },
    });
    expect(added.json).toMatchObject({ code: 100, data: { events: null, entity_id: null } });
    const id = (added.json as { data: { endpoint_id: string } }).data.endpoint_id;
    const narrowed = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: id, events: ['batch.finished'] },
    });
    expect(narrowed.json).toMatchObject({ data: { events: ['batch.finished'] } });
    const widened = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: id, events: null },
    });
    expect(widened.json).toMatchObject({ data: { events: null, entity_id: null } });
  });

  it('answers a delete with exactly {code: 100, data: null, msg: null}', async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    // HeyGen's clients send the id of a delete in a JSON body; the query works as well.
    const byBody = await call('DELETE', 'endpoint.delete', {
      body: { endpoint_id: 'ep_demo_video_status' },
    });
    expect(byBody.status).toBe(200);
    expect(byBody.json).toStrictEqual({ code: 100, data: null, msg: null });
    const byQuery = await call('DELETE', 'endpoint.delete?endpoint_id=ep_demo_all_events');
    expect(byQuery.json).toStrictEqual({ code: 100, data: null, msg: null });
    const list = await call('GET', 'endpoint.list');
    expect((list.json as { data: unknown[] }).data).toHaveLength(1);
  });

  it('shapes a route whose name arrives percent-encoded as the route it names', async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    const list = await call('GET', 'endpoint%2Elist');
    const items = (list.json as { data: Record<string, unknown>[] }).data;
    expect(items.find((e) => e.endpoint_id === 'ep_demo_all_events')).toMatchObject({
      events: null,
    });
    const deleted = await call('DELETE', 'endpoint%2edelete?endpoint_id=ep_demo_all_events');
    expect(deleted.json).toStrictEqual({ code: 100, data: null, msg: null });
  });

  it('refuses an invalid URL with HTTP 400 and code 400542, keeping the reason', async () => {
    const checkUrl = () => Promise.resolve(false);
    const { call } = await emulatorHarness({ envelope: 'heygen', checkUrl });
    for (const [method, route, body, reason] of [
      [
        'PATCH',
        'endpoint.update',
        { endpoint_id: 'ep_demo_video_status', url: 'http://x' },
        'The URL must start with https://',
      ],
      ['POST', 'endpoint.add', { url: 'https://[64:ff9b::a00:1]/', events: [] }, 'public host'],
      ['POST', 'endpoint.add', { url: 'https://down.example.com/', events: [] }, 'OPTIONS'],
    ] as const) {
      const invalid = await call(method, route, { body });
      const json = invalid.json as { message: string };
      expect(invalid.status).toBe(400);
      expect(json).toStrictEqual({
        code: 400542,
        data: null,
        msg: json.message,
        message: matching(/^Url of this webhook endpoint is invalid: /),
        request_id: matching(/^req_/),
      });
      expect(json.message).toContain(reason);
    }
  });

  it('answers an unknown endpoint with HTTP 404 and code 400131, naming the id', async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    for (const [method, body] of [
      ['PATCH', { endpoint_id: 'ep_nope', events: [] }],
      ['DELETE', { endpoint_id: 'ep_nope' }],
      ['PATCH', { endpoint_id: 'ep_other_team', events: [] }], // another user's: the same answer
    ] as const) {
      const route = method === 'PATCH' ? 'endpoint.update' : 'endpoint.delete';
      const missing = await call(method, route, { body });
      expect(missing.status).toBe(404);
      expect(missing.json).toStrictEqual({
        code: 400131,
        data: null,
        msg: matching(/^Webhook endpoint not found: No endpoint "ep_(nope|other_team)"/),
        message: matching(/^Webhook endpoint not found: No endpoint "ep_(nope|other_team)"/),
        request_id: matching(/^req_/),
      });
    }
  });

  it("answers other failures with HeyGen's numeric code and the reason, keeping the status", async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    const badEvent = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_demo_video_status', events: ['video.exploded'] },
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.json).toMatchObject({
      code: 40001,
      data: null,
      message: matching(/^The request body is invalid: "video.exploded" is not an event type/),
    });
    const unauthorised = await call('GET', 'endpoint.list', { key: 'wrong' });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.json).toMatchObject({ code: 40101 });
    const missing = await call('GET', 'nope');
    expect(missing.json).toMatchObject({ code: 40401 });
  });
});

describe('the emulator in its default shapes', () => {
  it('stores entity_id on add and takes a delete id from a JSON body too', async () => {
    const { call } = await emulatorHarness();
    const added = await call('POST', 'endpoint.add', {
      body: { url: 'https://example.com/e', events: [], entity_id: 'crm-8' },
    });
    expect(added.json).toMatchObject({ entity_id: 'crm-8' });
    const id = (added.json as { endpoint_id: string }).endpoint_id;
    const deleted = await call('DELETE', 'endpoint.delete', { body: { endpoint_id: id } });
    expect(deleted.json).toMatchObject({ endpoint_id: id, status: 'deleted' });
  });

  it("keeps Konpro's documented shapes: [] for all events, no entity_id, errors with details", async () => {
    const { call } = await emulatorHarness();
    const list = await call('GET', 'endpoint.list');
    const items = (list.json as { data: Record<string, unknown>[] }).data;
    const all = items.find((e) => e.endpoint_id === 'ep_demo_all_events');
    expect(all).toMatchObject({ events: [] });
    expect(all).not.toHaveProperty('entity_id');
    const invalid = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_demo_video_status', url: 'http://x' },
    });
    expect(invalid.json).toMatchObject(
      apiError('VALIDATION_ERROR', { field: 'url', reason: 'The URL must start with https://' }),
    );
    const missing = await call('DELETE', 'endpoint.delete?endpoint_id=ep_nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject(apiError('RESOURCE_NOT_FOUND'));
    const deleted = await call('DELETE', 'endpoint.delete?endpoint_id=ep_demo_all_events');
    expect(deleted.json).toEqual({
      endpoint_id: 'ep_demo_all_events',
      status: 'deleted',
      message: 'Webhook endpoint deleted',
      deleted_at: matching(/Z$/),
    });
  });
});
