// Dates, times, numbers, relative times and lists in the mount's locale (never the browser's,
// which may differ from what the portal chose). Formatters are made once per locale and style.
import { useLingui } from './lingui-react';
import { useMemo } from 'react';

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (found === undefined) cache.set(key, (found = make()));
  return found;
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export type Formats = {
  locale: string;
  date: (value: Date | number) => string;
  /** "30 September 2026": the month in words. */
  longDate: (value: Date | number) => string;
  dateTime: (value: Date | number) => string;
  time: (value: Date | number) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** "in 9 days", "3 hours ago": the largest unit that fits, rounded. */
  relative: (to: Date | number, from?: Date | number) => string;
  /** "tomorrow", "in 9 days", "3 days ago": a count of calendar days. */
  relativeDays: (days: number) => string;
  /** "a, b and c" (`conjunction`) or "a, b or c" (`disjunction`). */
  list: (items: readonly string[], type?: Intl.ListFormatType) => string;
};

export function formatsFor(locale: string): Formats {
  const dateTime = (options: Intl.DateTimeFormatOptions, name: string) =>
    cached(`${locale}:dt:${name}`, () => new Intl.DateTimeFormat(locale, options));
  return {
    locale,
    date: (value) => dateTime(DATE, 'date').format(value),
    longDate: (value) => dateTime({ dateStyle: 'long' }, 'longDate').format(value),
    dateTime: (value) => dateTime(DATE_TIME, 'dateTime').format(value),
    time: (value) => dateTime(TIME, 'time').format(value),
    number: (value, options) =>
      cached(
        `${locale}:n:${JSON.stringify(options ?? {})}`,
        () => new Intl.NumberFormat(locale, options),
      ).format(value),
    relative: (to, from = Date.now()) => {
      const seconds = (Number(to) - Number(from)) / 1000;
      const [unit, size] =
        UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? (['second', 1] as const);
      return cached(
        `${locale}:rt`,
        () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      ).format(Math.round(seconds / size), unit);
    },
    relativeDays: (days) =>
      cached(`${locale}:rt`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
        days,
        'day',
      ),
    list: (items, type = 'conjunction') =>
      cached(`${locale}:l:${type}`, () => new Intl.ListFormat(locale, { type })).format(items),
  };
}

/** The formats of the locale the editor speaks now. */
export function useFormats(): Formats {
  const { i18n } = useLingui();
  const locale = i18n.locale;
  return useMemo(() => formatsFor(locale), [locale]);
}
