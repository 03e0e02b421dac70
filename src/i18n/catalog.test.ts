import { describe, expect, it, vi } from 'vitest';
import { type Catalog, messagesNow } from './catalog';
import { loadAll, loadMessages } from './load-messages';

type Load = () => Promise<{ messages: Record<string, string> }>;
const catalogOf = (area: string) => ({ area, en: { hello: 'Hello' } }) satisfies Catalog;
const loadersOf = (area: string, de: Load) => ({
  [`../locales/de/${area}.po`]: de,
  [`../locales/ja/${area}.po`]: () => Promise.reject(new Error('unused')),
});

describe('catalogue loading', () => {
  it('has English at once, without loading anything', async () => {
    const de = vi.fn(() => Promise.resolve({ messages: { hello: 'Hallo' } }));
    const catalog = catalogOf('english-only');
    expect(messagesNow(catalog, 'en')).toEqual({ hello: 'Hello' });
    await expect(loadMessages(catalog, 'en', loadersOf('english-only', de))).resolves.toEqual({
      hello: 'Hello',
    });
    expect(de).not.toHaveBeenCalled();
  });

  it('loads another locale once, for every editor on the page, and then has it at once', async () => {
    const de = vi.fn(() => Promise.resolve({ messages: { hello: 'Hallo' } }));
    const catalog = catalogOf('once');
    const loaders = loadersOf('once', de);
    expect(messagesNow(catalog, 'de')).toBeUndefined();
    const [first, second] = await Promise.all([
      loadMessages(catalog, 'de', loaders),
      loadMessages(catalog, 'de', loaders),
    ]);
    expect(first).toEqual({ hello: 'Hallo' });
    expect(second).toBe(first);
    expect(messagesNow(catalog, 'de')).toBe(first);
    await loadMessages(catalog, 'de', loaders);
    expect(de).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failed load (offline, then back)', async () => {
    const de = vi
      .fn<Load>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ messages: { hello: 'Hallo' } });
    const catalog = catalogOf('retry');
    const loaders = loadersOf('retry', de);
    await expect(loadMessages(catalog, 'de', loaders)).rejects.toThrow('offline');
    await expect(loadMessages(catalog, 'de', loaders)).resolves.toEqual({ hello: 'Hallo' });
    expect(de).toHaveBeenCalledTimes(2);
  });

  it('speaks English for a catalogue it cannot fetch', async () => {
    expect(await loadAll([catalogOf('nowhere')], 'de')).toEqual([
      [catalogOf('nowhere'), { hello: 'Hello' }],
    ]);
  });
});
