// A big account for the input-latency run: 1,000 event types (100 resources × 10 actions) and 200
// endpoints, answered by Playwright in place of the server's webhook.list and endpoint.list.

export const RESOURCES = 100;
export const ACTIONS = 10;

const pad = (n) => String(n).padStart(3, '0');
export const eventType = (resource, action) => `res${pad(resource)}.action${action}`;

export function largeCatalog() {
  const types = [];
  for (let r = 0; r < RESOURCES; r += 1) {
    for (let a = 0; a < ACTIONS; a += 1) types.push(eventType(r, a));
  }
  return types;
}

/** The endpoint the run edits: "Selected events", with a few of them ticked. */
export const EDITED_ENDPOINT_ID = 'ep_bench_000';

export function largeEndpointList(count = 200) {
  return Array.from({ length: count }, (_, i) => ({
    endpoint_id: `ep_bench_${pad(i)}`,
    url: `https://hooks${pad(i)}.example.com/konpro`,
    secret: `whsec_bench_${pad(i)}`,
    status: i % 7 === 0 ? 'disabled' : 'enabled',
    events: i % 3 === 1 ? [] : [eventType(i % RESOURCES, 0), eventType(i % RESOURCES, 1)],
    username: 'demo',
    created_at: '2024-01-15T10:30:00Z',
  }));
}

/** Boxes to tick: spread over the list, none of them ticked at the start. */
export function boxesToTick(count = 20) {
  return Array.from({ length: count }, (_, i) => eventType((i * 5 + 2) % RESOURCES, (i % 8) + 2));
}

/** Serves the big account to `page`; everything else still reaches the real server. */
export async function routeLargeAccount(page) {
  const catalog = largeCatalog();
  const endpoints = largeEndpointList();
  await page.route('**/api/v1/webhook/webhook.list*', (route) =>
    route.fulfill({ json: { code: 100, data: catalog, message: 'success' } }),
  );
  await page.route('**/api/v1/webhook/endpoint.list*', (route) =>
    route.fulfill({ json: { data: endpoints } }),
  );
  return endpoints.find((endpoint) => endpoint.endpoint_id === EDITED_ENDPOINT_ID);
}
