// The route table's query parameters: required ones go upstream, optional ones are this server's.
import { describe, expect, it } from 'vitest';
import { API_ROUTES, matchRoute } from './routes';

const HISTORY = '/api/v1/webhook/endpoint.history';

describe('query parameters', () => {
  it('are optional only on a route this server answers itself: Konpro never hears one', () => {
    for (const route of API_ROUTES) {
      if (route.optionalQuery?.length) expect(route.own, route.action).toBeDefined();
    }
  });

  it('take an optional parameter once, not empty, and only where the route names it', () => {
    expect(matchRoute('GET', `${HISTORY}?endpoint_id=ep_1`)).toMatchObject({
      ok: true,
      params: { endpoint_id: 'ep_1' },
    });
    expect(matchRoute('GET', `${HISTORY}?limit=5&endpoint_id=ep_1`)).toMatchObject({
      ok: true,
      params: { endpoint_id: 'ep_1', limit: '5' },
    });
    for (const [target, message] of [
      [`${HISTORY}?endpoint_id=ep_1&limit=`, 'limit must not be empty'],
      [`${HISTORY}?endpoint_id=ep_1&limit=1&limit=2`, 'limit must be given once'],
      [`${HISTORY}?limit=5`, 'endpoint_id is required as a query parameter'],
      [
        '/api/v1/webhook/endpoint.secret?endpoint_id=ep_1&limit=5',
        'This route takes only endpoint_id as a query parameter',
      ],
      ['/api/v1/webhook/endpoint.list?limit=5', 'This route takes no query parameters'],
    ] as const) {
      expect(matchRoute('GET', target), target).toEqual({ ok: false, status: 400, message });
    }
  });
});
