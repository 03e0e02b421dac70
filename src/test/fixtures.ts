import { HttpResponse, http } from 'msw';
import type { Endpoint } from '../../contract/schemas';

export const API = 'http://localhost/api/v1/webhook';

export const catalog = [
  'avatar_video.success',
  'avatar_video.fail',
  'video_translate.success',
  'video_translate.fail',
  'personalized_video',
];

export function makeEndpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    endpoint_id: 'ep_1',
    url: 'https://hooks.example.com/konpro',
    secret: 'whsec_test_secret_1234',
    status: 'enabled',
    events: ['avatar_video.success'],
    username: 'demo',
    created_at: '2024-01-15T10:30:00Z',
    ...overrides,
  };
}

/**
 * The list and catalog as Konpro answers them, in two different envelopes on purpose. The list
 * is live: `store` is what a PATCH handler changes, so a refetch after a save sees the save. The
 * server's history of every endpoint is empty.
 */
export function readHandlers(store: Endpoint[] = [makeEndpoint()]) {
  return [
    http.get(`${API}/endpoint.list`, () => HttpResponse.json({ data: store })),
    http.get(`${API}/webhook.list`, () =>
      HttpResponse.json({ code: 100, data: catalog, msg: null, message: null }),
    ),
    http.get(`${API}/endpoint.history`, () => HttpResponse.json({ data: [] })),
  ];
}
