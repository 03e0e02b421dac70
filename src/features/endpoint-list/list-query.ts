// Search, filter and order of the endpoint list: plain functions over the list, so 500 endpoints
// are searched in well under a frame and the rules can be tested without a screen.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Endpoint } from '../../../contract/schemas';
import { asciiUrl } from '../../../contract/ascii-url';
import type { ReadUrl } from '../../ui/reads-as';

export type SortOrder = 'url' | 'newest' | 'oldest' | 'status';

export type ListQuery = {
  search: string;
  /** A status to show only, or '' for every status. */
  status: string;
  sort: SortOrder;
};

export const DEFAULT_LIST_QUERY: ListQuery = { search: '', status: '', sort: 'url' };

export const SORT_LABELS: Record<SortOrder, MessageDescriptor> = {
  url: msg`URL (A–Z)`,
  newest: msg`Newest first`,
  oldest: msg`Oldest first`,
  status: msg`Status`,
};

export function isSortOrder(value: string): value is SortOrder {
  return Object.hasOwn(SORT_LABELS, value);
}

// The standalone page keeps the query in its address, so a reload keeps it and a view can be
// bookmarked: `?q=orders&status=disabled&sort=newest`, each left out while it has its default.
const PARAMS = { search: 'q', status: 'status', sort: 'sort' } as const;

export function listQueryOfSearch(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const sort = params.get(PARAMS.sort) ?? '';
  return {
    search: params.get(PARAMS.search) ?? '',
    status: params.get(PARAMS.status) ?? '',
    sort: isSortOrder(sort) ? sort : DEFAULT_LIST_QUERY.sort,
  };
}

/** Writes `query` into `params`, or removes it: pass DEFAULT_LIST_QUERY for a view not the list. */
export function writeListQuery(params: URLSearchParams, query: ListQuery): void {
  for (const key of ['search', 'status', 'sort'] as const) {
    if (query[key] === DEFAULT_LIST_QUERY[key]) params.delete(PARAMS[key]);
    else params.set(PARAMS[key], query[key]);
  }
}

/**
 * What a search is matched against: the URL as stored, as sent (IDNs in ASCII) and as it reads
 * (`münchen` finds `xn--mnchen-3ya`, once `read`, the readable-address code, is here), and the ID.
 */
export type Indexed = { endpoint: Endpoint; ascii: string; text: string; created: number };

export function indexEndpoints(endpoints: readonly Endpoint[], read?: ReadUrl): Indexed[] {
  return endpoints.map((endpoint) => {
    const ascii = asciiUrl(endpoint.url);
    const readable = read?.(ascii) ?? '';
    const text = `${endpoint.url}\n${ascii}\n${readable}\n${endpoint.endpoint_id}`.toLowerCase();
    return { endpoint, ascii, text, created: createdTime(endpoint) };
  });
}

function createdTime(endpoint: Endpoint): number {
  const time = endpoint.created_at === undefined ? NaN : Date.parse(endpoint.created_at);
  return Number.isNaN(time) ? 0 : time;
}

const byUrl = (a: Indexed, b: Indexed) =>
  compareText(a.ascii, b.ascii) || compareText(a.endpoint.endpoint_id, b.endpoint.endpoint_id);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ORDERS: Record<SortOrder, (a: Indexed, b: Indexed) => number> = {
  url: byUrl,
  newest: (a, b) => b.created - a.created || byUrl(a, b),
  oldest: (a, b) => a.created - b.created || byUrl(a, b),
  // Enabled ones first: those are the ones receiving deliveries.
  status: (a, b) =>
    Number(a.endpoint.status !== 'enabled') - Number(b.endpoint.status !== 'enabled') ||
    compareText(a.endpoint.status, b.endpoint.status) ||
    byUrl(a, b),
};

/**
 * The endpoints the query shows, in its order. Every word of the search must appear in the URL or
 * the ID (case ignored), so "prod orders" finds https://prod.example.com/orders.
 */
export function applyListQuery(index: readonly Indexed[], query: ListQuery): Endpoint[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  return index
    .filter(
      (entry) =>
        (query.status === '' || entry.endpoint.status === query.status) &&
        words.every((word) => entry.text.includes(word)),
    )
    .sort(ORDERS[query.sort])
    .map((entry) => entry.endpoint);
}

/** The statuses present, enabled and disabled always offered first. */
export function statusesOf(endpoints: readonly Endpoint[]): string[] {
  const known = ['enabled', 'disabled'];
  const others = [...new Set(endpoints.map((e) => e.status))].filter((s) => !known.includes(s));
  return [...known, ...others.sort()];
}
