// How a mount gets another locale's messages: a module of its own, imported on demand, so an
// English page carries none of it (the page in another language preloads it beside that
// language's catalogues: vite.localized-pages.ts). Each catalogue is a chunk of its own too.
import type { Messages } from '@lingui/core';
import { type Catalog, type CatalogModule, keyOf, loaded, messagesNow } from './catalog';
import type { Locale } from './locales';

type Loaders = Record<string, () => Promise<CatalogModule>>;

/** A loader per catalogue of every locale but English (whose messages each area imports). */
const LOADERS: Loaders = import.meta.glob<CatalogModule>([
  '../locales/*/*.po',
  '!../locales/en/*.po',
]);

const loading = new Map<string, Promise<Messages>>();

/** Loads a locale's messages (once); a failed load is tried again on the next call. */
export function loadMessages(
  catalog: Catalog,
  locale: Locale,
  loaders: Loaders = LOADERS,
): Promise<Messages> {
  const now = messagesNow(catalog, locale);
  if (now) return Promise.resolve(now);
  const key = keyOf(catalog, locale);
  let pending = loading.get(key);
  if (pending === undefined) {
    const load = loaders[`../locales/${locale}/${catalog.area}.po`];
    if (load === undefined)
      return Promise.reject(new Error(`no ${catalog.area} catalogue for ${locale}`));
    pending = load().then(
      ({ messages }) => {
        loaded.set(key, messages);
        loading.delete(key);
        return messages;
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, pending);
  }
  return pending;
}

/** Each catalogue's messages in `locale`, or its English where it cannot be fetched (offline). */
export const loadAll = (catalogs: readonly Catalog[], locale: Locale) =>
  Promise.all(
    catalogs.map((catalog) =>
      loadMessages(catalog, locale).then(
        (messages): [Catalog, Messages] => [catalog, messages],
        (): [Catalog, Messages] => [catalog, catalog.en],
      ),
    ),
  );
