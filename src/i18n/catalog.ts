// A catalogue of one area of the page (lingui.config.ts): its English messages, imported by the
// chunk that shows them, and a loader per other locale, each its own chunk fetched on demand.
// Loaded messages are kept for the page's lifetime, so two editors in one language fetch once.
import type { Messages } from '@lingui/core';
import type { Locale } from './locales';

export type CatalogModule = { messages: Messages };

export type Catalog = {
  area: string;
  en: Messages;
  /** A loader per locale other than English (src/i18n/catalog-files.ts). */
  load: Record<string, () => Promise<CatalogModule>>;
};

const loaded = new Map<string, Messages>();
const loading = new Map<string, Promise<Messages>>();

const keyOf = (catalog: Catalog, locale: Locale) => `${locale}:${catalog.area}`;

/** The messages when they are already here (always for English), else undefined. */
export function messagesNow(catalog: Catalog, locale: Locale): Messages | undefined {
  return locale === 'en' ? catalog.en : loaded.get(keyOf(catalog, locale));
}

/** Loads a locale's messages (once); a failed load is tried again on the next call. */
export function loadMessages(catalog: Catalog, locale: Locale): Promise<Messages> {
  if (locale === 'en') return Promise.resolve(catalog.en);
  const key = keyOf(catalog, locale);
  const now = loaded.get(key);
  if (now) return Promise.resolve(now);
  let pending = loading.get(key);
  if (pending === undefined) {
    const load = catalog.load[locale];
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
