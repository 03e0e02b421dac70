import { describe, expect, it, vi } from 'vitest';
import { type Catalog, loadMessages, messagesNow } from './catalog';

const catalogOf = (area: string, de: () => Promise<{ messages: Record<string, string> }>) =>
  ({
    area,
    en: { hello: 'Hello' },
    load: { de, ja: () => Promise.reject(new Error('unused')), ar: de },
  }) satisfies Catalog;

describe('catalogue loading', () => {
  it('has English at once, without loading anything', async () => {
    const de = vi.fn(() => Promise.resolve({ messages: { hello: 'Hallo' } }));
    const catalog = catalogOf('english-only', de);
    expect(messagesNow(catalog, 'en')).toEqual({ hello: 'Hello' });
    await expect(loadMessages(catalog, 'en')).resolves.toEqual({ hello: 'Hello' });
    expect(de).not.toHaveBeenCalled();
  });

  it('loads another locale once, for every editor on the page, and then has it at once', async () => {
    const de = vi.fn(() => Promise.resolve({ messages: { hello: 'Hallo' } }));
    const catalog = catalogOf('once', de);
    expect(messagesNow(catalog, 'de')).toBeUndefined();
    const [first, second] = await Promise.all([
      loadMessages(catalog, 'de'),
      loadMessages(catalog, 'de'),
    ]);
    expect(first).toEqual({ hello: 'Hallo' });
    expect(second).toBe(first);
    expect(messagesNow(catalog, 'de')).toBe(first);
    await loadMessages(catalog, 'de');
    expect(de).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failed load (offline, then back)', async () => {
    const de = vi
      .fn<() => Promise<{ messages: Record<string, string> }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ messages: { hello: 'Hallo' } });
    const catalog = catalogOf('retry', de);
    await expect(loadMessages(catalog, 'de')).rejects.toThrow('offline');
    await expect(loadMessages(catalog, 'de')).resolves.toEqual({ hello: 'Hallo' });
    expect(de).toHaveBeenCalledTimes(2);
  });
});
