// The page's runtime against @lingui/core, message by message: every message of every shipped
// catalogue, with sample values for each of its arguments, must read the same in both.
import { setupI18n as setupLingui } from '@lingui/core';
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from './catalog';
import { loadMessages } from './load-messages';
import { appCatalog } from './catalogs/app';
import { editorCatalog } from './catalogs/editor';
import { formCatalog } from './catalogs/form';
import { LOCALES } from './locales';
import { numberIn, setupI18n } from './runtime';

const CATALOGS: Catalog[] = [appCatalog, editorCatalog, formCatalog];
const COUNTS = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 99, 100, 101, 102, 1000, 1234567, 1.5, -1];
const WHEN = new Date(Date.UTC(2026, 8, 30, 14, 5, 9));

/** Each argument of a message, with the values worth trying for it. */
function argumentsOf(tokens: CompiledMessage, found = new Map<string, unknown[]>()) {
  for (const token of tokens) {
    if (typeof token === 'string') continue;
    const [name, type, style] = token;
    const choices = (style ?? {}) as Record<string, CompiledMessage>;
    const samples =
      type === 'plural' || type === 'selectordinal'
        ? [
            ...COUNTS,
            ...Object.keys(choices)
              .filter((key) => /^\d+$/.test(key))
              .map(Number),
          ]
        : type === 'select'
          ? [...Object.keys(choices), 'something-else']
          : type === 'number'
            ? [0, 1234.5, -7]
            : type === 'date' || type === 'time'
              ? [WHEN, WHEN.toISOString()]
              : [`‹${name}›`, 42, undefined];
    found.set(name, [...(found.get(name) ?? []), ...samples]);
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      for (const [key, choice] of Object.entries(choices)) {
        if (key !== 'offset') argumentsOf(choice, found);
      }
    }
  }
  return found;
}

/** Value sets that try every sample of each argument at least once (not their product). */
function valueSets(tokens: CompiledMessage): Record<string, unknown>[] {
  const samples = [...argumentsOf(tokens)];
  const rounds = Math.max(1, ...samples.map(([, values]) => values.length));
  return Array.from({ length: rounds }, (_, round) =>
    Object.fromEntries(samples.map(([name, values]) => [name, values[round % values.length]])),
  );
}

describe('the runtime reads every shipped message as @lingui/core does', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}`, async () => {
      let compared = 0;
      for (const catalog of CATALOGS) {
        const messages = await loadMessages(catalog, locale);
        const ours = setupI18n();
        const lingui = setupLingui();
        for (const i18n of [ours, lingui]) {
          i18n.load(locale, messages);
          i18n.activate(locale);
        }
        expect(Object.keys(messages).length).toBeGreaterThan(0);
        for (const [id, message] of Object.entries(messages)) {
          // Lingui decodes `\u…` text; ours need not, as no message has any.
          expect(JSON.stringify(message)).not.toMatch(/\\\\[ux]/);
          for (const values of valueSets(message as CompiledMessage)) {
            expect(ours._(id, values), `${locale} ${id} ${JSON.stringify(values)}`).toBe(
              lingui._(id, values),
            );
            compared += 1;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }
});

describe('the runtime reads ICU forms no catalogue uses yet as @lingui/core does', () => {
  const forms = [
    '{n, plural, offset:1 =0 {nobody} =1 {only {name}} one {{name} and # other} other {{name} and # others}}',
    '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
    '{kind, select, webhook {A webhook} other {Something}} for {n, plural, one {# event} other {# events}}',
    '{n, plural, one {{kind, select, a {# inside a select} other {other #}}} other {# {m, plural, one {# inner} other {# inners}}}}',
    '{amount, number} · {ratio, number, percent}',
    '{when, date} · {when, date, short} · {when, date, long} · {when, date, full} · {when, date, ::yMMMdjms}',
    '{when, time} · {when, time, short} · {when, time, long} · {when, time, full}',
    'A plain # and {name}',
  ];
  const values = [
    { n: 0, m: 1, name: 'Ada', kind: 'webhook', amount: 1234.5, ratio: 0.25, when: WHEN },
    { n: 1, m: 2, name: 'Ada', kind: 'a', amount: -3, ratio: 1, when: WHEN.toISOString() },
    { n: 2, m: 5, name: 'Ada', kind: 'x', amount: 0, ratio: 0.005, when: WHEN },
    { n: 3, m: 11, name: undefined, kind: undefined, amount: 1e6, ratio: 2, when: WHEN },
    { n: 23, m: 0, name: 'Ada', kind: 'webhook', amount: 7, ratio: 0, when: WHEN },
  ];
  for (const locale of [...LOCALES, 'ru', 'cy']) {
    it(`in ${locale}`, () => {
      const messages = Object.fromEntries(forms.map((form, at) => [at, compileMessage(form)]));
      const ours = setupI18n();
      const lingui = setupLingui();
      for (const i18n of [ours, lingui]) {
        i18n.load(locale, messages);
        i18n.activate(locale);
      }
      for (const id of Object.keys(messages)) {
        for (const sample of values) {
          expect(ours._(id, sample), `${locale} ${forms[Number(id)]}`).toBe(lingui._(id, sample));
        }
      }
    });
  }
});

describe('an instance', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tells its listeners of each load and activation, until they stop listening', () => {
    const i18n = setupI18n();
    const heard = vi.fn();
    const stop = i18n.on('change', heard);
    i18n.load('de', { 0: ['Hallo'] });
    i18n.activate('de');
    expect(heard).toHaveBeenCalledTimes(2);
    expect(i18n.locale).toBe('de');
    expect(i18n._('0')).toBe('Hallo');
    stop();
    i18n.activate('en');
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('adds a second area to a locale, and keeps locales apart', () => {
    const i18n = setupI18n();
    i18n.load('de', { 0: ['Liste'] });
    i18n.load('de', { 1: ['Editor'] });
    i18n.load('ja', { 0: ['一覧'] });
    i18n.activate('de');
    expect([i18n._('0'), i18n._({ id: '1' })]).toEqual(['Liste', 'Editor']);
    i18n.activate('ja');
    expect(i18n._('0')).toBe('一覧');
  });

  it('while developing, shows a message not in the catalogue and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const i18n = setupI18n();
    i18n.activate('en');
    const descriptor = { id: 'new', message: '{n, plural, one {# new one} other {# new ones}}' };
    expect(i18n._({ ...descriptor, values: { n: 2 } })).toBe('2 new ones');
    expect(i18n._({ ...descriptor, values: { n: 1 } })).toBe('1 new one');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"new"');
    expect(i18n._('unknown')).toBe('unknown');
  });
});

describe('the members the runtime leaves out', () => {
  // PageI18n in runtime.ts: what the page's code (Trans included) uses of Lingui's I18n.
  const PAGE_MEMBERS = new Set(['locale', '_', 't', 'load', 'activate', 'on', 'removeListener']);
  const members = (code: string) =>
    [...code.matchAll(/(?<![\w/-])i18n\??\.([A-Za-z_$][\w$]*)/g)].map((match) => match[1]);

  it('are called by none of the page’s code', () => {
    const sources = import.meta.glob<string>(
      ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'],
      { query: '?raw', import: 'default', eager: true },
    );
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const used = Object.entries(sources).flatMap(([file, code]) =>
      members(code).map((member) => `${file}: i18n.${member}`),
    );
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((use) => !PAGE_MEMBERS.has(use.split('.').pop() ?? ''))).toEqual([]);
  });

  it('are found where code calls one', () => {
    expect(members('const d = i18n.date(now); i18n?.number(2); i18n._(1)')).toEqual([
      'date',
      'number',
      '_',
    ]);
  });
});

describe('numbers', () => {
  it('writes a small count without Intl, whose first use costs the first render 20 to 30 ms', async () => {
    // A fresh runtime, with none of the formatters the other tests made.
    vi.resetModules();
    const fresh = await import('./runtime');
    const Real = Intl.NumberFormat;
    const made = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (locale, options) {
      return new Real(locale, options);
    });
    try {
      expect([fresh.numberIn('en', 7), fresh.numberIn('de', 0), fresh.numberIn('ja', 999)]).toEqual(
        ['7', '0', '999'],
      );
      expect(made).not.toHaveBeenCalled();
      expect(fresh.numberIn('en', 1000)).toBe('1,000');
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });

  it('writes every count as Intl does, in every locale, with and without options', () => {
    const counts = [...Array.from({ length: 1001 }, (_, n) => n), -0, -1, 0.5, 1234, 1e6, NaN];
    for (const locale of LOCALES) {
      for (const count of counts) {
        expect(numberIn(locale, count), `${locale} ${count}`).toBe(
          new Intl.NumberFormat(locale).format(count),
        );
      }
      const percent = { style: 'percent' } as const;
      expect(numberIn(locale, 1, percent)).toBe(new Intl.NumberFormat(locale, percent).format(1));
    }
  });
});
