// The page's message runtime: what @lingui/core does for this editor, in a fraction of its bytes
// (the list page carries it). Lingui's macros, extraction, PO files and catalogue compilation stay
// as they are; this reads the catalogues Lingui compiles (plural, selectordinal and select with
// offsets and #, number, date and time). runtime.test.ts holds it to @lingui/core's output for
// every message of every shipped catalogue, so the two cannot drift apart.
//
// Left out, as the editor needs none of it: Lingui's `missing` option, custom `formats`, locale
// data (deprecated in Lingui 4) and the decoding of `\u…` text in messages (no message has one;
// the test says so) or in values (shown as given).
import type { I18n as LinguiI18n, MessageDescriptor, MessageOptions, Messages } from '@lingui/core';
import {
  type CompiledMessage,
  type CompiledMessageToken,
  compileMessage,
} from '@lingui/message-utils/compileMessage';

type Values = Record<string, unknown>;
type Choices = Record<string, CompiledMessage> & { offset?: number };
type Listener = (...args: unknown[]) => void;

const DEV = process.env.NODE_ENV !== 'production';

const formatters = new Map<string, unknown>();
/** Intl's formatters are made once per kind, locale and options (formats.ts shares them). */
export function formatter<T>(kind: string, locale: string, options: unknown, make: () => T) {
  const key = `${kind}${locale}${JSON.stringify(options)}`;
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) formatters.set(key, (found = make()));
  return found;
}

/**
 * A count under 1,000 is its digits in these locales, as Intl writes it (runtime.test.ts): the
 * page's first use of Intl loads its locale data, 20 to 30 ms, and the editor's first render
 * needs no other.
 */
const PLAIN_DIGIT_LOCALES = /^(en|de|ja)$/;

export const numberIn = (locale: string, value: unknown, options?: Intl.NumberFormatOptions) =>
  !options &&
  PLAIN_DIGIT_LOCALES.test(locale) &&
  (value as number) >>> 0 === value &&
  value < 1e3 &&
  1 / value > 0 // not -0, which Intl writes with its sign
    ? `${value}`
    : formatter('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(
        value as number,
      );

/** Lingui's date and time styles: `short`, `long`, `full` or an Intl options object. */
function dateIn(locale: string, value: unknown, format: unknown, time?: boolean) {
  const long = format === 'full' || format === 'long';
  const options = (
    typeof format === 'object'
      ? format
      : time
        ? // `short` leaves the seconds out (as undefined, which Intl reads as absent).
          {
            hour: 'numeric',
            minute: 'numeric',
            second: format === 'short' ? undefined : 'numeric',
            ...(long && { timeZoneName: 'short' }),
          }
        : {
            day: 'numeric',
            month: format === 'short' ? 'numeric' : long ? 'long' : 'short',
            year: 'numeric',
            ...(format === 'full' && { weekday: 'long' }),
          }
  ) as Intl.DateTimeFormatOptions;
  return formatter('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(
    typeof value === 'string' ? new Date(value) : (value as Date),
  );
}

/** Stands for `#` until the plural's count is formatted; no message contains it. */
const COUNT = '\u0000#';

function format(tokens: CompiledMessage, values: Values, locale: string, counting = false): string {
  let out = '';
  for (const token of tokens) out += formatToken(token, values, locale, counting);
  return out;
}

function formatToken(
  token: CompiledMessageToken,
  values: Values,
  locale: string,
  counting: boolean,
): string {
  if (typeof token === 'string') return counting && token === '#' ? COUNT : token;
  const [name, type, style] = token;
  const value = values[name];
  let result: unknown = value;
  if (type === 'plural' || type === 'selectordinal') {
    const choices = style as Choices;
    const count = (value as number) - (choices.offset ?? 0);
    const rules = formatter('p', locale, type, () => {
      return new Intl.PluralRules(locale, { type: type === 'plural' ? 'cardinal' : 'ordinal' });
    });
    const choice = choices[value as string] ?? choices[rules.select(count)] ?? choices.other;
    result =
      choice && format(choice, values, locale, true).split(COUNT).join(numberIn(locale, count));
  } else if (type === 'select') {
    const choices = style as Choices;
    const choice = choices[value as string] ?? choices.other;
    result = choice && format(choice, values, locale);
  } else if (type === 'number') {
    result = numberIn(
      locale,
      value,
      typeof style === 'object' ? (style as object) : { style: style as 'decimal' },
    );
  } else if (type === 'date' || type === 'time') {
    result = dateIn(locale, value, style, type === 'time');
  }
  // Joined as Lingui joins them (`message + value`): a value is the page's, said as it is.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return result == null ? '' : String(result);
}

/**
 * What the page (its Trans too) asks of Lingui's I18n, with @lingui/core's types: the
 * locale, loading a locale's messages, activating it, listening for changes and the message
 * function. Lingui's other members (its formatters, its record form of `load`, a messages
 * compiler) have no caller here, so the list page does not carry them.
 */
export type PageI18n = Pick<
  LinguiI18n,
  'locale' | '_' | 't' | 'activate' | 'on' | 'removeListener'
> & {
  load: (locale: string, messages: Messages) => void;
};

/**
 * A new instance, typed as Lingui's since the macros' output is (members outside PageI18n are
 * absent: runtime.test.ts checks that none of the page's code calls one), in closures, so a
 * minifier shortens their names.
 */
export function setupI18n(): LinguiI18n {
  let active = '';
  const loaded: Record<string, Messages> = {};
  const listeners: Listener[] = [];
  const warned = new Set<string>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };

  /** The message of an id (or a descriptor), with its values, in the active locale. */
  const _ = (
    id: MessageDescriptor | string | number,
    values?: Values,
    options?: MessageOptions,
  ) => {
    // The source message is read only while developing: a build has no use for it.
    const message = DEV ? (typeof id === 'object' ? id.message : options?.message) : undefined;
    if (typeof id === 'object') {
      values = id.values ?? values;
      id = id.id;
    }
    let compiled = loaded[active]?.[id];
    if (compiled === undefined) {
      // The build's ids are numbers (vite.lingui.ts): said as text.
      if (message === undefined) return String(id);
      // While developing: a message not yet extracted shows, and says so once.
      if (!warned.has(`${active} ${id}`)) {
        warned.add(`${active} ${id}`);
        console.warn(`No "${active}" message "${id}" (${message}): run npm run i18n:extract`);
      }
      compiled = compileMessage(message);
    }
    // A message without placeholders may be its text alone.
    return typeof compiled === 'string' ? compiled : format(compiled, values ?? {}, active);
  };

  const i18n: PageI18n = {
    get locale() {
      return active;
    },
    load(locale, more) {
      loaded[locale] = { ...loaded[locale], ...more };
      changed();
    },
    activate(locale) {
      active = locale;
      changed();
    },
    // Lingui's only event the page listens for is `change`.
    on(_event, listener) {
      listeners.push(listener as Listener);
      return () => i18n.removeListener('change', listener);
    },
    removeListener(_event, listener) {
      const at = listeners.indexOf(listener as Listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    _,
    t: _,
  };
  return i18n as unknown as LinguiI18n;
}
