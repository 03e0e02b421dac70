import { describe, expect, it } from 'vitest';
import { endpointSchema } from '../../contract/schemas';
import { MAX_BODY_BYTES } from '../http/read-body';
import { apiError, emulatorHarness, OTHER_KEY } from '../test-support/emulator-harness';
import { containing } from '../test-support/matchers';

const ID = 'ep_demo_video_status';

describe('PATCH endpoint.update', () => {
  it('changes only the fields sent and returns the bare endpoint', async () => {
    const { call, store } = await emulatorHarness();
    const before = store.list('demo').find((e) => e.endpoint_id === ID);
    const { status, json, response } = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: ID, url: 'https://example.com/new-webhook-url', status: 'disabled' },
    });
    expect(status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(json).toEqual({
      endpoint_id: ID,
      url: 'https://example.com/new-webhook-url',
      secret: before?.secret,
      status: 'enabled', // not a field of update: ignored
      events: ['avatar_video.success', 'avatar_video.fail'],
      username: 'demo',
      created_at: '2024-01-15T10:30:00Z',
    });
    expect(endpointSchema.safeParse(json).success).toBe(true);
  });

  it('replaces events, dropping duplicates in order, and keeps the secret', async () => {
    const { call, store } = await emulatorHarness();
    const secret = store.list('demo')[0]?.secret;
    const { json } = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: ID, events: ['video.updated', 'avatar.deleted', 'video.updated'] },
    });
    expect(json).toMatchObject({ events: ['video.updated', 'avatar.deleted'], secret });
  });

  it.each([[[]], [null]])('stores events %j as [] (all events)', async (events) => {
    const { call } = await emulatorHarness();
    const { json } = await call('PATCH', 'endpoint.update', { body: { endpoint_id: ID, events } });
    expect(json).toMatchObject({ events: [], url: 'https://example.com/webhooks/konpro' });
  });

  it.each([
    [{}, 'endpoint_id', 'endpoint_id is required'],
    [{ endpoint_id: 42 }, 'endpoint_id', 'endpoint_id must be a string'],
    [{ endpoint_id: '' }, 'endpoint_id', 'endpoint_id must not be empty'],
    [
      { endpoint_id: ID, url: 'http://example.com/hook' },
      'url',
      'The URL must start with https://',
    ],
    [{ endpoint_id: ID, url: 'https://localhost/hook' }, 'url', containing('public host')],
    [{ endpoint_id: ID, url: 'https://10.0.0.5/hook' }, 'url', containing('public host')],
    // Ranges the page's own list lacks, held to the server's full list.
    [{ endpoint_id: ID, url: 'https://[64:ff9b::7f00:1]/' }, 'url', containing('public host')],
    [{ endpoint_id: ID, url: 'https://[2002:7f00:1::1]/' }, 'url', containing('public host')],
    [{ endpoint_id: ID, url: 'https://198.18.0.1/hook' }, 'url', containing('public host')],
    [{ endpoint_id: ID, url: 'https://intranet/hook' }, 'url', containing('without a dot')],
    [{ endpoint_id: ID, url: 7 }, 'url', 'url must be a string'],
    [{ endpoint_id: ID, events: 'video.updated' }, 'events', containing('array')],
    [{ endpoint_id: ID, events: [1] }, 'events', containing('array')],
    [{ endpoint_id: ID, events: ['video.exploded'] }, 'events', containing('video.exploded')],
  ])('refuses %j with 400 on field %s', async (body, field, reason) => {
    const { call } = await emulatorHarness();
    const { status, json } = await call('PATCH', 'endpoint.update', { body });
    expect(status).toBe(400);
    expect(json).toMatchObject(apiError('VALIDATION_ERROR', { field, reason }));
  });

  it('leaves the endpoint untouched when the request is refused', async () => {
    const { call, store } = await emulatorHarness();
    await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: ID, url: 'https://example.com/ok', events: ['nope'] },
    });
    expect(store.list('demo')[0]?.url).toBe('https://example.com/webhooks/konpro');
  });

  it("answers 404 for an unknown id and for another user's endpoint", async () => {
    const { call, store } = await emulatorHarness();
    const unknown = await call('PATCH', 'endpoint.update', { body: { endpoint_id: 'ep_nope' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject(apiError('RESOURCE_NOT_FOUND'));
    const theirs = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_other_team', url: 'https://example.com/stolen' },
    });
    expect(theirs.status).toBe(404);
    expect(store.list('other')[0]?.url).toBe('https://other.example.com/webhook');
    const own = await call('PATCH', 'endpoint.update', {
      key: OTHER_KEY,
      body: { endpoint_id: 'ep_other_team', events: ['video.created'] },
    });
    expect(own.json).toMatchObject({ username: 'other', events: ['video.created'] });
  });

  it('refuses malformed JSON, a non-object, another media type and a body over 64 KB', async () => {
    const { call } = await emulatorHarness();
    const malformed = await call('PATCH', 'endpoint.update', { body: '{"endpoint_id":' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject(apiError('VALIDATION_ERROR'));
    expect((await call('PATCH', 'endpoint.update', { body: '[1]' })).status).toBe(400);
    expect((await call('PATCH', 'endpoint.update')).status).toBe(400);

    const form = await call('PATCH', 'endpoint.update', {
      body: 'endpoint_id=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.json).toMatchObject(apiError('UNSUPPORTED_MEDIA_TYPE'));

    const big = { endpoint_id: ID, url: `https://example.com/${'a'.repeat(MAX_BODY_BYTES)}` };
    const tooLarge = await call('PATCH', 'endpoint.update', { body: big });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toMatchObject(apiError('PAYLOAD_TOO_LARGE'));
  });
});
