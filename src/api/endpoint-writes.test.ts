// The writes read both shapes the emulator speaks: Konpro's documented one (the default) and
// HeyGen v1's (KONPRO_EMULATOR_ENVELOPE=heygen).
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../test/msw-server';
import { createApiClient } from './api-client';
import { createEndpoint, deleteEndpoint } from './endpoint-writes';
import { fetchEndpoints } from './endpoints';

const BASE = 'http://localhost/api/v1/webhook';
const client = createApiClient({ baseUrl: 'http://localhost/api' });

const endpoint = {
  endpoint_id: 'ep_1',
  url: 'https://example.com/hook',
  status: 'enabled',
  username: 'demo',
  created_at: '2024-01-15T10:30:00Z',
};

describe('all events, in either shape', () => {
  it.each([
    ["Konpro's events: []", { data: [{ ...endpoint, events: [] }] }],
    [
      "HeyGen's events: null, with entity_id: null",
      {
        code: 100,
        data: [{ ...endpoint, events: null, entity_id: null }],
        msg: null,
        message: null,
      },
    ],
  ])('%s reads as no selection, which the views show as "All events"', async (_name, body) => {
    server.use(http.get(`${BASE}/endpoint.list`, () => HttpResponse.json(body)));
    const [read] = await fetchEndpoints(client);
    expect(read).toEqual({ ...endpoint, events: [] });
  });
});

describe('a delete, in either shape', () => {
  it.each([
    [
      "Konpro's documented answer",
      { endpoint_id: 'ep_1', status: 'deleted', message: 'Webhook endpoint deleted' },
    ],
    ["HeyGen's {code: 100, data: null, msg: null}", { code: 100, data: null, msg: null }],
  ])('%s counts as deleted', async (_name, body) => {
    server.use(http.delete(`${BASE}/endpoint.delete`, () => HttpResponse.json(body)));
    await expect(deleteEndpoint(client, 'ep_1')).resolves.toEqual({
      endpointId: 'ep_1',
      alreadyGone: false,
    });
  });

  it('a 404 in either shape means already gone', async () => {
    for (const body of [
      { error: { code: 'RESOURCE_NOT_FOUND', message: 'No endpoint "ep_1" for this API key' } },
      {
        code: 400131,
        data: null,
        msg: 'Webhook endpoint not found',
        message: 'Webhook endpoint not found',
      },
    ]) {
      server.use(
        http.delete(`${BASE}/endpoint.delete`, () => HttpResponse.json(body, { status: 404 })),
      );
      await expect(deleteEndpoint(client, 'ep_1')).resolves.toMatchObject({ alreadyGone: true });
    }
  });

  it("HeyGen's failure code under a 200 is not taken for a delete", async () => {
    server.use(
      http.delete(`${BASE}/endpoint.delete`, () =>
        HttpResponse.json({ code: 400131, data: null, msg: 'Webhook endpoint not found' }),
      ),
    );
    await expect(deleteEndpoint(client, 'ep_1')).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});

describe('a refused URL on add, in either shape', () => {
  it.each([
    [
      "Konpro's VALIDATION_ERROR",
      {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'The request body is invalid',
          details: { field: 'url', reason: "Konpro's servers cannot reach this address" },
        },
      },
    ],
    [
      "HeyGen's 400542",
      {
        code: 400542,
        data: null,
        msg: "Url of this webhook endpoint is invalid: Konpro's servers cannot reach this address",
        message:
          "Url of this webhook endpoint is invalid: Konpro's servers cannot reach this address",
      },
    ],
  ])('%s names the URL field with the reason', async (_name, body) => {
    server.use(http.post(`${BASE}/endpoint.add`, () => HttpResponse.json(body, { status: 400 })));
    await expect(
      createEndpoint(client, { url: 'https://198.18.0.1/hook', events: null }),
    ).rejects.toMatchObject({
      status: 400,
      field: 'url',
      message: "Konpro's servers cannot reach this address",
    });
  });
});
