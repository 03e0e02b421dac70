// The build's message numbers (vite.lingui.ts): each catalogue, in every locale, holds exactly
// what Lingui compiles from its PO file, under the numbers that the call sites use.
import { createCompiledCatalog, getCatalogs } from '@lingui/cli/api';
import { getConfig } from '@lingui/conf';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SORT_LABELS } from '../features/endpoint-list/list-query';
import type { Catalog } from './catalog';
import { loadMessages } from './load-messages';
import { appCatalog } from './catalogs/app';
import { editorCatalog } from './catalogs/editor';
import { formCatalog } from './catalogs/form';
import { LOCALES } from './locales';
import { setupI18n } from './runtime';

const CATALOGS: Catalog[] = [appCatalog, editorCatalog, formCatalog];

/** Lingui's own compiled catalogues of a locale, by area and message id. */
async function linguiCompiled(locale: string) {
  const config = getConfig();
  const areas = new Map<string, Record<string, unknown>>();
  for (const catalog of await getCatalogs(config)) {
    const { messages } = await catalog.getTranslations(locale, {
      sourceLocale: 'en',
      fallbackLocales: { default: 'en' },
    });
    const { source } = createCompiledCatalog(locale, messages, { namespace: 'json' });
    areas.set(
      basename(catalog.path),
      (JSON.parse(source) as { messages: object }).messages as never,
    );
  }
  return areas;
}

/** Lingui's `["Copy"]` as the build's catalogues hold it: `"Copy"`. */
const textAlone = (message: unknown) =>
  Array.isArray(message) && message.length === 1 && typeof message[0] === 'string'
    ? message[0]
    : message;

describe('message numbers', () => {
  it('number each area in turn, app first, and are the same in every locale', async () => {
    const english = await linguiCompiled('en');
    let next = 0;
    for (const catalog of CATALOGS) {
      const ids = Object.keys(english.get(catalog.area) ?? {}).sort();
      expect(ids.length).toBeGreaterThan(0);
      for (const locale of LOCALES) {
        const lingui = (await linguiCompiled(locale)).get(catalog.area) ?? {};
        const ours = await loadMessages(catalog, locale);
        expect({ ...ours }).toEqual(
          Object.fromEntries(ids.map((id, index) => [String(next + index), textAlone(lingui[id])])),
        );
      }
      next += ids.length;
    }
  });

  it('are what the call sites ask for', () => {
    const label = SORT_LABELS.url as { id: unknown };
    expect(typeof label.id).toBe('number');
    expect(appCatalog.en[label.id as number]).toBe('URL (A–Z)');
  });

  it('name a message of text alone by its text, and the runtime reads it', () => {
    expect(Object.values(appCatalog.en)).toContain('Copy');
    const i18n = setupI18n();
    i18n.load('en', appCatalog.en);
    i18n.activate('en');
    const copy = label('Copy');
    expect(Number.isInteger(copy)).toBe(true);
    expect(i18n._(String(copy))).toBe('Copy');
  });
});

/** The number of an English message of the app catalogue. */
function label(text: string) {
  return Number(Object.entries(appCatalog.en).find(([, message]) => message === text)?.[0]);
}
