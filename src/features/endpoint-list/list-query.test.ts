import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../contract/schemas';
import { makeEndpoint } from '../../test/fixtures';
import { readableUrl } from '../../ui/readable-url';
import {
  DEFAULT_LIST_QUERY,
  type ListQuery,
  applyListQuery,
  indexEndpoints,
  isSortOrder,
  listQueryOfSearch,
  statusesOf,
  writeListQuery,
} from './list-query';

const ids = (endpoints: Endpoint[]) => endpoints.map((endpoint) => endpoint.endpoint_id);

function shown(
  endpoints: Endpoint[],
  query: Partial<ListQuery>,
  { read = true }: { read?: boolean } = {},
): string[] {
  const index = indexEndpoints(endpoints, read ? readableUrl : undefined);
  return ids(applyListQuery(index, { ...DEFAULT_LIST_QUERY, ...query }));
}

const orders = makeEndpoint({
  endpoint_id: 'ep_orders',
  url: 'https://prod.example.com/orders',
  created_at: '2024-03-01T00:00:00Z',
});
const billing = makeEndpoint({
  endpoint_id: 'ep_billing',
  url: 'https://staging.example.com/billing',
  status: 'disabled',
  created_at: '2024-01-01T00:00:00Z',
});
const books = makeEndpoint({
  endpoint_id: 'ep_books',
  url: 'https://bücher.example/hooks',
  created_at: '2024-02-01T00:00:00Z',
});
const all = [orders, billing, books];

describe('the list search', () => {
  it('shows every endpoint when the search is empty or only spaces', () => {
    expect(shown(all, { search: '' })).toHaveLength(3);
    expect(shown(all, { search: '   ' })).toHaveLength(3);
  });

  it('matches a part of the URL', () => {
    expect(shown(all, { search: 'billing' })).toEqual(['ep_billing']);
    expect(shown(all, { search: 'example.com' })).toEqual(['ep_orders', 'ep_billing']);
  });

  it('matches the ASCII form of an internationalised host as well as the typed one', () => {
    expect(shown(all, { search: 'xn--bcher-kva' })).toEqual(['ep_books']);
    expect(shown(all, { search: 'bücher' })).toEqual(['ep_books']);
  });

  it('matches the endpoint ID', () => {
    expect(shown(all, { search: 'ep_orders' })).toEqual(['ep_orders']);
    expect(shown(all, { search: 'ep_b' })).toEqual(['ep_billing', 'ep_books']);
  });

  it('ignores case in the search and in the URL', () => {
    const upper = makeEndpoint({ endpoint_id: 'EP_Upper', url: 'https://Shop.example.com/Hook' });
    expect(shown([upper], { search: 'SHOP.EXAMPLE' })).toEqual(['EP_Upper']);
    expect(shown([upper], { search: '/hook' })).toEqual(['EP_Upper']);
    expect(shown([upper], { search: 'ep_upper' })).toEqual(['EP_Upper']);
    expect(shown(all, { search: 'PROD ORDERS' })).toEqual(['ep_orders']);
  });

  it('needs every word to match, in any order and across URL and ID', () => {
    expect(shown(all, { search: 'prod orders' })).toEqual(['ep_orders']);
    expect(shown(all, { search: 'orders prod' })).toEqual(['ep_orders']);
    expect(shown(all, { search: 'prod billing' })).toEqual([]);
    expect(shown(all, { search: 'staging ep_billing' })).toEqual(['ep_billing']);
    expect(shown(all, { search: '  prod\torders  ' })).toEqual(['ep_orders']);
  });

  it('finds nothing for words in no endpoint', () => {
    expect(shown(all, { search: 'nowhere' })).toEqual([]);
  });

  it('does not search the secret or the events', () => {
    const secretive = makeEndpoint({ secret: 'whsec_hidden', events: ['personalized_video'] });
    expect(shown([secretive], { search: 'whsec_hidden' })).toEqual([]);
    expect(shown([secretive], { search: 'personalized' })).toEqual([]);
  });
});

describe('the status filter', () => {
  const paused = makeEndpoint({ endpoint_id: 'ep_paused', status: 'paused' });

  it('shows only the chosen status', () => {
    expect(shown([...all, paused], { status: 'enabled' })).toEqual(['ep_orders', 'ep_books']);
    expect(shown([...all, paused], { status: 'disabled' })).toEqual(['ep_billing']);
    expect(shown([...all, paused], { status: 'paused' })).toEqual(['ep_paused']);
  });

  it('shows every status when none is chosen', () => {
    expect(shown([...all, paused], { status: '' })).toHaveLength(4);
  });

  it('combines with the search', () => {
    expect(shown(all, { status: 'enabled', search: 'example.com' })).toEqual(['ep_orders']);
    expect(shown(all, { status: 'disabled', search: 'prod' })).toEqual([]);
  });
});

describe('the list order', () => {
  it('by URL orders by the URL as sent (ASCII), then by ID for equal URLs', () => {
    const same = makeEndpoint({ endpoint_id: 'ep_a', url: 'https://prod.example.com/orders' });
    const zed = makeEndpoint({ endpoint_id: 'ep_z', url: 'https://zed.example.com/' });
    expect(shown([zed, orders, billing, same, books], { sort: 'url' })).toEqual([
      'ep_a',
      'ep_orders',
      'ep_billing',
      'ep_books', // https://xn--bcher-kva.example/hooks
      'ep_z',
    ]);
  });

  it('is by URL by default', () => {
    expect(DEFAULT_LIST_QUERY.sort).toBe('url');
    expect(shown(all, {})).toEqual(['ep_orders', 'ep_billing', 'ep_books']);
  });

  it('newest first puts the latest created first', () => {
    expect(shown(all, { sort: 'newest' })).toEqual(['ep_orders', 'ep_books', 'ep_billing']);
  });

  it('oldest first puts the earliest created first', () => {
    expect(shown(all, { sort: 'oldest' })).toEqual(['ep_billing', 'ep_books', 'ep_orders']);
  });

  it('orders endpoints created at the same moment by URL, in both directions', () => {
    const at = '2024-05-05T05:05:05Z';
    const b = makeEndpoint({ endpoint_id: 'ep_1', url: 'https://b.example.com/', created_at: at });
    const a = makeEndpoint({ endpoint_id: 'ep_2', url: 'https://a.example.com/', created_at: at });
    expect(shown([b, a], { sort: 'newest' })).toEqual(['ep_2', 'ep_1']);
    expect(shown([b, a], { sort: 'oldest' })).toEqual(['ep_2', 'ep_1']);
  });

  it('takes a missing or unreadable creation date as the oldest', () => {
    const missing = makeEndpoint({
      endpoint_id: 'ep_missing',
      url: 'https://m.example.com/',
      created_at: undefined,
    });
    const garbled = makeEndpoint({
      endpoint_id: 'ep_garbled',
      url: 'https://g.example.com/',
      created_at: 'not a date',
    });
    const list = [missing, orders, garbled, billing];
    expect(shown(list, { sort: 'newest' })).toEqual([
      'ep_orders',
      'ep_billing',
      'ep_garbled',
      'ep_missing',
    ]);
    expect(shown(list, { sort: 'oldest' })).toEqual([
      'ep_garbled',
      'ep_missing',
      'ep_billing',
      'ep_orders',
    ]);
  });

  it('by status puts enabled ones first, then the other statuses by name, each by URL', () => {
    const paused = makeEndpoint({
      endpoint_id: 'ep_paused',
      url: 'https://a.example.com/',
      status: 'paused',
    });
    const disabledA = makeEndpoint({
      endpoint_id: 'ep_disabled_a',
      url: 'https://a.example.com/',
      status: 'disabled',
    });
    const enabledZ = makeEndpoint({ endpoint_id: 'ep_enabled_z', url: 'https://z.example.com/' });
    const enabledA = makeEndpoint({ endpoint_id: 'ep_enabled_a', url: 'https://a.example.com/' });
    expect(shown([paused, disabledA, enabledZ, billing, enabledA], { sort: 'status' })).toEqual([
      'ep_enabled_a',
      'ep_enabled_z',
      'ep_disabled_a',
      'ep_billing',
      'ep_paused',
    ]);
  });

  it('does not reorder the list it was given', () => {
    const list = [books, billing, orders];
    applyListQuery(indexEndpoints(list), { ...DEFAULT_LIST_QUERY, sort: 'newest' });
    expect(ids(list)).toEqual(['ep_books', 'ep_billing', 'ep_orders']);
  });
});

describe('isSortOrder', () => {
  it.each(['url', 'newest', 'oldest', 'status'])('knows %s', (value) => {
    expect(isSortOrder(value)).toBe(true);
  });

  it.each(['', 'URL', 'created', 'toString', '__proto__'])('refuses %j', (value) => {
    expect(isSortOrder(value)).toBe(false);
  });
});

describe('statusesOf', () => {
  it('always offers enabled and disabled first, even for an empty list', () => {
    expect(statusesOf([])).toEqual(['enabled', 'disabled']);
    expect(statusesOf([billing])).toEqual(['enabled', 'disabled']);
  });

  it('adds the other statuses present once each, by name', () => {
    const list = [
      makeEndpoint({ status: 'paused' }),
      makeEndpoint({ status: 'failing' }),
      makeEndpoint({ status: 'paused' }),
      orders,
    ];
    expect(statusesOf(list)).toEqual(['enabled', 'disabled', 'failing', 'paused']);
  });
});

describe('a long list', () => {
  const many = Array.from({ length: 500 }, (_, n) =>
    makeEndpoint({
      endpoint_id: `ep_${String(n).padStart(3, '0')}`,
      url: `https://host${n}.example.com/${n % 2 === 0 ? 'even' : 'odd'}`,
      status: n % 5 === 0 ? 'disabled' : 'enabled',
      created_at: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    }),
  );
  const index = indexEndpoints(many);

  it('indexes every endpoint', () => {
    expect(index).toHaveLength(500);
    expect(index.map((entry) => entry.endpoint)).toEqual(many);
  });

  it('finds each endpoint by its ID and by its host', () => {
    const query = (search: string) => ids(applyListQuery(index, { ...DEFAULT_LIST_QUERY, search }));
    expect(query('ep_123')).toEqual(['ep_123']);
    expect(query('host499.example.com')).toEqual(['ep_499']);
    expect(query('host1.')).toEqual(['ep_001']);
    expect(query('even')).toHaveLength(250);
    expect(query('odd host4')).toHaveLength(55); // the odd ones of 40-49 and 400-499
  });

  it('filters and orders all of them', () => {
    const disabled = applyListQuery(index, { search: '', status: 'disabled', sort: 'newest' });
    expect(disabled).toHaveLength(100);
    expect(disabled[0]?.endpoint_id).toBe('ep_495');
    expect(disabled.at(-1)?.endpoint_id).toBe('ep_000');
    const oldest = applyListQuery(index, { search: '', status: '', sort: 'oldest' });
    expect(ids(oldest)).toEqual(ids(many));
  });
});

describe('the list query in the address', () => {
  it('reads the search, filter and order, and defaults what is missing or unknown', () => {
    expect(listQueryOfSearch('?q=prod%20orders&status=disabled&sort=newest')).toEqual({
      search: 'prod orders',
      status: 'disabled',
      sort: 'newest',
    });
    expect(listQueryOfSearch('')).toEqual(DEFAULT_LIST_QUERY);
    expect(listQueryOfSearch('?sort=sideways&endpoint_id=ep_1')).toEqual(DEFAULT_LIST_QUERY);
  });

  it('writes only what differs from the default, keeping the other parameters', () => {
    const params = new URLSearchParams('tab=2&q=old&sort=oldest');
    writeListQuery(params, { search: 'münchen', status: '', sort: 'url' });
    expect(params.toString()).toBe('tab=2&q=m%C3%BCnchen');
    writeListQuery(params, DEFAULT_LIST_QUERY);
    expect(params.toString()).toBe('tab=2');
  });

  it('reads back what it wrote', () => {
    const query: ListQuery = { search: 'a&b=c #d', status: 'enabled', sort: 'status' };
    const params = new URLSearchParams();
    writeListQuery(params, query);
    expect(listQueryOfSearch(`?${params.toString()}`)).toEqual(query);
  });
});

describe('the list search of international addresses', () => {
  const munich = makeEndpoint({
    endpoint_id: 'ep_munich',
    url: 'https://xn--mnchen-3ya.example/b%C3%BCcher',
  });
  const lookalike = makeEndpoint({ endpoint_id: 'ep_lookalike', url: 'https://xn--pple-43d.com/' });

  it('finds a punycode host by its readable name, and a percent-encoded path by its text', () => {
    expect(shown([munich, orders], { search: 'münchen' })).toEqual(['ep_munich']);
    expect(shown([munich, orders], { search: 'MÜNCHEN bücher' })).toEqual(['ep_munich']);
    expect(shown([munich, orders], { search: 'xn--mnchen-3ya' })).toEqual(['ep_munich']);
  });

  it('finds the stored and sent forms while the readable-address code is not loaded yet', () => {
    const notYet = { read: false };
    expect(shown([munich, orders], { search: 'münchen' }, notYet)).toEqual([]);
    expect(shown([munich, orders], { search: 'xn--mnchen-3ya' }, notYet)).toEqual(['ep_munich']);
    expect(shown([munich, orders], { search: 'orders' }, notYet)).toEqual(['ep_orders']);
  });

  it('does not find a look-alike host by the name it imitates', () => {
    expect(shown([lookalike], { search: 'apple' })).toEqual([]);
    expect(shown([lookalike], { search: 'xn--pple' })).toEqual(['ep_lookalike']);
  });
});
