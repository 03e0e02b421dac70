// A catalogue of one area of the page (lingui.config.ts): its English messages, imported by the
// chunk that shows them. Every other locale's messages are a chunk of their own, which only a
// mount speaking that locale loads (load-messages.ts, itself a chunk: an English page carries no
// loader). Loaded messages are kept for the page's lifetime, so two editors in one language
// fetch once.
import type { Messages } from '@lingui/core';
import type { Locale } from './locales';

export type Catalog = { area: string; en: Messages };
export type CatalogModule = { messages: Messages };

/** Messages of other locales loaded so far, by `locale:area` (load-messages.ts fills it). */
export const loaded = new Map<string, Messages>();

export const keyOf = (catalog: Catalog, locale: Locale) => `${locale}:${catalog.area}`;

/** The messages when they are already here (always for English), else undefined. */
export function messagesNow(catalog: Catalog, locale: Locale): Messages | undefined {
  return locale === 'en' ? catalog.en : loaded.get(keyOf(catalog, locale));
}

/** What loads another locale's messages: a chunk of its own, which an English page never fetches. */
export const importLoader = () => import('./load-messages');
