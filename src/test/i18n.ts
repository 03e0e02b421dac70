// Lingui instances for tests of code that takes one (words built outside React).
import { type I18n, setupI18n } from '@lingui/core';
import { loadMessages } from '../i18n/load-messages';
import { appCatalog } from '../i18n/catalogs/app';
import { editorCatalog } from '../i18n/catalogs/editor';
import { formCatalog } from '../i18n/catalogs/form';
import type { Locale } from '../i18n/locales';

const ALL = [appCatalog, editorCatalog, formCatalog];

/** English, with every catalogue: ready at once. */
export function englishI18n(): I18n {
  const i18n = setupI18n();
  for (const catalog of ALL) i18n.load('en', catalog.en);
  i18n.activate('en');
  return i18n;
}

/** Any shipped locale, with every catalogue loaded as the page loads it. */
export async function i18nIn(locale: Locale): Promise<I18n> {
  const i18n = setupI18n();
  for (const messages of await Promise.all(ALL.map((catalog) => loadMessages(catalog, locale)))) {
    i18n.load(locale, messages);
  }
  i18n.activate(locale);
  return i18n;
}
