// Our Trans against @lingui/react's, message by message: every message of every shipped catalogue,
// in every locale, with its markup's elements and with values as text, numbers and elements,
// must render the same markup in both.
import { TransNoContext as LinguiTrans } from '@lingui/react/server';
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog';
import { loadMessages } from './load-messages';
import { appCatalog } from './catalogs/app';
import { editorCatalog } from './catalogs/editor';
import { formCatalog } from './catalogs/form';
import { I18nProvider } from './lingui-react';
import { LOCALES } from './locales';
import { setupI18n } from './runtime';
import { Trans, formatElements } from './trans';

const CATALOGS: Catalog[] = [appCatalog, editorCatalog, formCatalog];
const WHEN = new Date(Date.UTC(2026, 8, 30, 14, 5, 9));

/** The names of a message's arguments, with their ICU type. */
function argumentsOf(tokens: CompiledMessage, found = new Map<string, string | undefined>()) {
  for (const token of tokens) {
    if (typeof token === 'string') continue;
    const [name, type, style] = token;
    found.set(name, type);
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      for (const [key, choice] of Object.entries(style as Record<string, CompiledMessage>)) {
        if (key !== 'offset') argumentsOf(choice, found);
      }
    }
  }
  return found;
}

/** Values for each argument: plain ones, then elements where an argument is plain text. */
function valueSets(tokens: CompiledMessage): Record<string, unknown>[] {
  const args = [...argumentsOf(tokens)];
  const plain = (type: string | undefined, round: number) =>
    type === 'plural' || type === 'selectordinal' || type === 'number'
      ? [0, 1, 2, 5, 21][round]
      : type === 'date' || type === 'time'
        ? WHEN
        : type === 'select'
          ? ['create', 'delete', 'other', 'x', 'y'][round]
          : ['‹text›', 42, 'a <b> c', '', 'x'][round];
  const sets: Record<string, unknown>[] = [];
  for (let round = 0; round < 5; round += 1) {
    sets.push(Object.fromEntries(args.map(([name, type]) => [name, plain(type, round)])));
    sets.push(
      Object.fromEntries(
        args.map(([name, type]) => [
          name,
          type === undefined ? <code key={name}>{`‹${name} ${round}›`}</code> : plain(type, round),
        ]),
      ),
    );
  }
  return sets;
}

/** An element for each tag of a message's markup, some with children of their own. */
function componentsFor(message: string): Record<string, ReactElement<{ children?: ReactNode }>> {
  const indexes = new Set([...message.matchAll(/<(\d+)\/?>/g)].map((match) => match[1] ?? ''));
  return Object.fromEntries(
    [...indexes].map((index) => [
      index,
      Number(index) % 2 === 0 ? <strong className={`c${index}`} /> : <em>kept {index}</em>,
    ]),
  );
}

describe('Trans renders every shipped message as @lingui/react’s Trans does', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}`, async () => {
      let compared = 0;
      for (const catalog of CATALOGS) {
        const messages = await loadMessages(catalog, locale);
        const i18n = setupI18n();
        i18n.load(locale, messages);
        i18n.activate(locale);
        for (const [id, message] of Object.entries(messages)) {
          const text = JSON.stringify(message);
          const components = componentsFor(text);
          for (const values of valueSets(message as CompiledMessage)) {
            const ours = renderToStaticMarkup(
              <I18nProvider i18n={i18n}>
                <Trans id={id} values={values} components={components} />
              </I18nProvider>,
            );
            const theirs = renderToStaticMarkup(
              <LinguiTrans id={id} values={values} components={components} lingui={{ i18n }} />,
            );
            expect(ours, `${locale} ${id} ${text}`).toBe(theirs);
            compared += 1;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }
});

describe('markup', () => {
  const elements = { 0: <b />, 1: <i>own</i>, 2: <u /> };
  const html = (node: ReactNode) => renderToStaticMarkup(<>{node}</>);

  it('nests, keeps an unpaired element’s own children, and leaves plain text alone', () => {
    expect(formatElements('plain <text>', elements)).toBe('plain <text>');
    expect(html(formatElements('a <0>b <2>c</2></0> d <1/> e', elements))).toBe(
      'a <b>b <u>c</u></b> d <i>own</i> e',
    );
  });

  it('keeps a value’s own markup as text: a name cannot borrow the message’s elements', () => {
    const i18n = setupI18n();
    i18n.load('en', { 0: ['<0>', ['actor'], '</0> changed it'] });
    i18n.activate('en');
    const html = renderToStaticMarkup(
      <I18nProvider i18n={i18n}>
        <Trans id="0" values={{ actor: '</0><0>Overwrite' }} components={{ 0: <strong /> }} />
      </I18nProvider>,
    );
    expect(html).toBe('<strong>&lt;/0&gt;&lt;0&gt;Overwrite</strong> changed it');
  });

  it('renders a tag it has no element for as its content alone', () => {
    expect(html(formatElements('a <7>b</7> c', elements))).toBe('a b c');
  });
});
