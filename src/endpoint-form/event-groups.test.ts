import { describe, expect, it } from 'vitest';
import { catalogRank, inCatalogOrder, retiredGroup } from './event-groups';

const catalog = ['video.success', 'video.fail', 'avatar.success'];

describe('the catalog order of ticked events', () => {
  it('follows the catalog, with types it lacks after, in their own order', () => {
    expect(
      inCatalogOrder(['gone.b', 'avatar.success', 'gone.a', 'video.success'], catalog),
    ).toEqual(['video.success', 'avatar.success', 'gone.b', 'gone.a']);
    expect(retiredGroup(catalog, ['gone.b', 'video.fail'])?.events).toEqual(['gone.b']);
  });

  it('ranks a catalog once, however often a tick asks (1,000 types in a big account)', () => {
    expect(catalogRank(catalog)).toBe(catalogRank(catalog));
    expect(catalogRank([...catalog])).not.toBe(catalogRank(catalog));
  });
});
