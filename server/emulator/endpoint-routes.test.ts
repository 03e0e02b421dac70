import { describe, expect, it, vi } from 'vitest';
import { endpointDeletedSchema } from '../../contract/answers';
import { endpointSchema, eventTypeSchema } from '../../contract/schemas';
import { apiError, emulatorHarness, OTHER_KEY } from '../test-support/emulator-harness';
import { EVENT_CATALOG } from './event-catalog';
import { anyString, listContaining, matching, objectContaining } from '../test-support/matchers';

describe('POST endpoint.add', () => {
  it('creates an enabled endpoint with a new id and secret', async () => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('POST', 'endpoint.add', {
      body: {
        url: 'https://example.com/added',
        events: ['batch.finished', 'batch.finished'],
        entity_id: 'e1',
      },
    });
    expect(status).toBe(200);
    expect(json).toEqual({
      endpoint_id: matching(/^ep_[0-9a-f]{16}$/),
      url: 'https://example.com/added',
      secret: matching(/^whsec_[0-9a-f]{32}$/),
      status: 'enabled',
      events: ['batch.finished'],
      username: 'demo',
      created_at: matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      entity_id: 'e1',
    });
    expect(endpointSchema.safeParse(json).success).toBe(true);
    const list = await call('GET', 'endpoint.list');
    expect(list.json).toMatchObject({ data: listContaining([json]) });
  });

  it.each([
    [{ events: [] }, 'url', 'url is required'],
    [{ url: 'ftp://example.com', events: [] }, 'url', 'The URL must start with https://'],
    [{ url: 'https://example.com/x', events: ['nope'] }, 'events', anyString()],
    [{ url: 'https://example.com/x', events: [], entity_id: 5 }, 'entity_id', anyString()],
    // Without the reachability check too: an address in a special-purpose range, a single label.
    [{ url: 'https://[64:ff9b::a9fe:a9fe]/', events: [] }, 'url', matching(/public host/)],
    [{ url: 'https://198.19.0.1/', events: [] }, 'url', matching(/public host/)],
    [{ url: 'https://3323068417/', events: [] }, 'url', matching(/public host/)], // 198.18.0.1
    [{ url: 'https://[::ffff:c612:1]/', events: [] }, 'url', matching(/public host/)],
    [{ url: 'https://intranet/hook', events: [] }, 'url', matching(/without a dot/)],
    // Names never delegated in the public DNS (RFC 6761, RFC 8375, customary private ones).
    [{ url: 'https://hooks.test/in', events: [] }, 'url', matching(/public host/)],
    [{ url: 'https://nas.home.arpa/in', events: [] }, 'url', matching(/public host/)],
    [{ url: 'https://router.lan/in', events: [] }, 'url', matching(/public host/)],
    [{ url: 'not a url at all', events: [] }, 'url', matching(/not a web address/)],
  ])('refuses %j with 400 on field %s', async (body, field, reason) => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('POST', 'endpoint.add', { body });
    expect(status).toBe(400);
    expect(json).toMatchObject(apiError('VALIDATION_ERROR', { field, reason }));
  });

  it('refuses a URL that does not answer the OPTIONS check, when the check is on', async () => {
    const checkUrl = vi.fn((url: string) => Promise.resolve(url.includes('up')));
    const { call } = await emulatorHarness({ checkUrl });
    const down = await call('POST', 'endpoint.add', {
      body: { url: 'https://down.example.com', events: [] },
    });
    expect(down.status).toBe(400);
    expect(down.json).toMatchObject(apiError('VALIDATION_ERROR', { field: 'url' }));
    const up = await call('POST', 'endpoint.add', {
      body: { url: 'https://up.example.com', events: [] },
    });
    expect(up.status).toBe(200);
    expect(checkUrl).toHaveBeenCalledTimes(2);
  });
});

describe('loopback URLs (KONPRO_CHECK_ALLOW_LOOPBACK=1)', () => {
  const loopback = [
    'https://127.0.0.1:8443/hook',
    'https://localhost:8443/hook',
    'https://[::1]:8443/hook',
    'https://[::ffff:127.0.0.1]/hook',
  ];

  it.each(loopback)('refuses %s by default', async (url) => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('POST', 'endpoint.add', { body: { url, events: [] } });
    expect(status).toBe(400);
    expect(json).toMatchObject(apiError('VALIDATION_ERROR', { field: 'url' }));
  });

  it.each(loopback)('adds and updates to %s with the setting', async (url) => {
    const { call } = await emulatorHarness({ allowLoopback: true });
    const added = await call('POST', 'endpoint.add', { body: { url, events: [] } });
    expect(added.status).toBe(200);
    const { endpoint_id } = added.json as { endpoint_id: string };
    const updated = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id, url: url.replace('/hook', '/other') },
    });
    expect(updated.status).toBe(200);
  });

  it.each([
    'https://10.0.0.1/hook',
    'https://198.18.0.1/hook',
    'https://[::ffff:c612:1]/',
    'https://169.254.169.254/latest',
    'http://127.0.0.1/hook',
  ])('still refuses %s with the setting', async (url) => {
    const { call } = await emulatorHarness({ allowLoopback: true });
    const { status } = await call('POST', 'endpoint.add', { body: { url, events: [] } });
    expect(status).toBe(400);
  });
});

describe('GET endpoint.list', () => {
  it("lists the caller's endpoints only", async () => {
    const { call } = await emulatorHarness();
    const demo = await call('GET', 'endpoint.list');
    expect(demo.status).toBe(200);
    const ids = (demo.json as { data: { endpoint_id: string }[] }).data.map((e) => e.endpoint_id);
    expect(ids).toEqual(['ep_demo_video_status', 'ep_demo_all_events', 'ep_demo_translations']);
    const other = await call('GET', 'endpoint.list', { key: OTHER_KEY });
    expect(other.json).toEqual({
      data: [objectContaining({ endpoint_id: 'ep_other_team' })],
    });
  });
});

describe('DELETE endpoint.delete', () => {
  it('deletes an own endpoint', async () => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('DELETE', 'endpoint.delete?endpoint_id=ep_demo_all_events');
    expect(status).toBe(200);
    expect(json).toEqual({
      endpoint_id: 'ep_demo_all_events',
      status: 'deleted',
      message: anyString(),
      deleted_at: matching(/Z$/),
    });
    expect(endpointDeletedSchema.safeParse(json).success).toBe(true);
    const again = await call('DELETE', 'endpoint.delete?endpoint_id=ep_demo_all_events');
    expect(again.status).toBe(404);
  });

  it("answers 404 for another user's endpoint and 400 without an id", async () => {
    const { call, store } = await emulatorHarness();
    const theirs = await call('DELETE', 'endpoint.delete?endpoint_id=ep_other_team');
    expect(theirs.status).toBe(404);
    expect(theirs.json).toMatchObject(apiError('RESOURCE_NOT_FOUND'));
    expect(store.list('other')).toHaveLength(1);
    const missing = await call('DELETE', 'endpoint.delete');
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject(apiError('VALIDATION_ERROR', { field: 'endpoint_id' }));
  });
});

describe('GET webhook.list', () => {
  it("returns the catalog in HeyGen's envelope", async () => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('GET', 'webhook.list');
    expect(status).toBe(200);
    expect(json).toEqual({ code: 100, data: EVENT_CATALOG, msg: null, message: null });
  });

  it('holds every event type named in the API notes, each well formed and once', () => {
    const named = [
      'avatar_video.success',
      'avatar_video_gif.fail',
      'video_translate.fail',
      'personalized_video',
      'avatar_video_caption.fail',
      'video_translate.preflight.validation_failed',
      'video_translate.preflight.download_failed',
      'instant_avatar.success',
      'photo_avatar_generation.fail',
      'photo_avatar_train.success',
      'photo_avatar_add_motion.fail',
      'proofread_creation.success',
      'live_avatar.fail',
      'video_agent.success',
      'batch.finished',
      'video.created',
      'video.updated',
      'video.completed',
      'avatar.updated',
      'avatar.deleted',
      'avatar.generated',
    ];
    expect(EVENT_CATALOG).toEqual(listContaining(named));
    expect(EVENT_CATALOG).toHaveLength(32);
    expect(new Set(EVENT_CATALOG).size).toBe(EVENT_CATALOG.length);
    for (const event of EVENT_CATALOG) expect(eventTypeSchema.safeParse(event).success).toBe(true);
  });
});
