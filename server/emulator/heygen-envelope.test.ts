import { describe, expect, it } from 'vitest';
import { emulatorHarness } from '../test-support/emulator-harness';
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
    // HeyGen's clients send the id of a delete in a JSON body.
    const deleted = await call('DELETE', 'endpoint.delete', { body: { endpoint_id: id } });
    expect(deleted.json).toMatchObject({ code: 100, data: { endpoint_id: id, status: 'deleted' } });
  });

  it("answers failures with HeyGen's numeric code and message, keeping the status", async () => {
    const { call } = await emulatorHarness({ envelope: 'heygen' });
    const invalid = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_demo_video_status', url: 'http://x' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({
      code: 40001,
      data: null,
      msg: matching(/invalid/),
      message: matching(/invalid/),
      request_id: matching(/^req_/),
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
});
