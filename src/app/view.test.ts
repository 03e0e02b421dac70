import { describe, expect, it } from 'vitest';
import {
  ADD_VIEW,
  LIST_VIEW,
  type View,
  endpointIdOf,
  endpointView,
  sameView,
  urlOfView,
  viewOfSearch,
} from './view';

const BASE = 'https://editor.example.com/webhooks';

describe('viewOfSearch', () => {
  it.each<[string, View]>([
    ['?endpoint_id=ep_1', { name: 'endpoint', endpointId: 'ep_1' }],
    ['endpoint_id=ep_1', { name: 'endpoint', endpointId: 'ep_1' }],
    ['?endpoint_id=%20ep_1%20', { name: 'endpoint', endpointId: 'ep_1' }],
    ['?endpoint_id=ep%2F1', { name: 'endpoint', endpointId: 'ep/1' }],
    ['?endpoint_id=', LIST_VIEW],
    ['?endpoint_id=%20', LIST_VIEW],
    ['?new', ADD_VIEW],
    ['?new=', ADD_VIEW],
    ['?tab=2&new', ADD_VIEW],
    ['', LIST_VIEW],
    ['?', LIST_VIEW],
    ['?other=1', LIST_VIEW],
  ])('reads %j', (search, view) => {
    expect(viewOfSearch(search)).toEqual(view);
  });

  it('prefers an endpoint to the add form when the address names both', () => {
    expect(viewOfSearch('?new&endpoint_id=ep_1')).toEqual({
      name: 'endpoint',
      endpointId: 'ep_1',
    });
  });

  it('reads an empty endpoint_id beside new as the add form', () => {
    expect(viewOfSearch('?endpoint_id=&new')).toEqual(ADD_VIEW);
  });
});

describe('urlOfView', () => {
  it('writes an endpoint as ?endpoint_id=ID', () => {
    expect(urlOfView(endpointView('ep_1'), BASE).href).toBe(`${BASE}?endpoint_id=ep_1`);
  });

  it('writes the add form as ?new, without =', () => {
    expect(urlOfView(ADD_VIEW, BASE).href).toBe(`${BASE}?new`);
  });

  it('writes the list with neither', () => {
    expect(urlOfView(LIST_VIEW, `${BASE}?endpoint_id=ep_1`).href).toBe(BASE);
    expect(urlOfView(LIST_VIEW, `${BASE}?new`).href).toBe(BASE);
  });

  it('replaces the view the address had and keeps its other parameters and hash', () => {
    const url = urlOfView(ADD_VIEW, `${BASE}?tab=hooks&endpoint_id=ep_1&lang=en#top`);
    expect(url.href).toBe(`${BASE}?tab=hooks&lang=en&new#top`);
    const back = urlOfView(endpointView('ep_2'), url.href);
    expect(back.href).toBe(`${BASE}?tab=hooks&lang=en&endpoint_id=ep_2#top`);
    expect(urlOfView(LIST_VIEW, back.href).href).toBe(`${BASE}?tab=hooks&lang=en#top`);
  });

  it('leaves another parameter ending in new= as it was', () => {
    const url = urlOfView(ADD_VIEW, `${BASE}?renew=&a=1`);
    expect(url.searchParams.get('renew')).toBe('');
    expect(url.search).toBe('?renew=&a=1&new');
  });

  it('encodes an ID that needs it', () => {
    const url = urlOfView(endpointView('ep 1&x=2'), BASE);
    expect(url.searchParams.get('endpoint_id')).toBe('ep 1&x=2');
    expect(url.searchParams.get('x')).toBeNull();
  });

  it.each<View>([LIST_VIEW, ADD_VIEW, endpointView('ep_1'), endpointView('ep with spaces/ü')])(
    'round-trips %j through the address',
    (view) => {
      const url = urlOfView(view, `${BASE}?keep=yes`);
      expect(viewOfSearch(url.search)).toEqual(view);
      expect(url.searchParams.get('keep')).toBe('yes');
    },
  );
});

describe('views', () => {
  it('endpointView(null) is the list', () => {
    expect(endpointView(null)).toEqual(LIST_VIEW);
    expect(endpointIdOf(endpointView('ep_1'))).toBe('ep_1');
    expect(endpointIdOf(ADD_VIEW)).toBeNull();
  });

  it('sameView compares the kind and the endpoint', () => {
    expect(sameView(endpointView('ep_1'), { name: 'endpoint', endpointId: 'ep_1' })).toBe(true);
    expect(sameView(endpointView('ep_1'), endpointView('ep_2'))).toBe(false);
    expect(sameView(ADD_VIEW, LIST_VIEW)).toBe(false);
    expect(sameView(LIST_VIEW, { name: 'list' })).toBe(true);
  });
});
