// Dates, times, numbers, relative times and lists in the mount's locale (never the browser's,
// which may differ from what the portal chose). Formatters are made once per locale and style.
import { useLingui } from './lingui-react';
import { formatter, numberIn } from './runtime';
import { useMemo } from 'react';

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
  const dateTime = (options: Intl.DateTimeFormatOptions) => (value: Date | number) =>
    formatter('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(value);
  const relative = (count: number, unit: Intl.RelativeTimeFormatUnit) =>
    formatter(
      'r',
      locale,
      0,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    ).format(count, unit);
  return {
    locale,
    date: dateTime({ dateStyle: 'medium' }),
    longDate: dateTime({ dateStyle: 'long' }),
    dateTime: dateTime({ dateStyle: 'medium', timeStyle: 'short' }),
    time: dateTime({ timeStyle: 'short' }),
    number: (value, options) => numberIn(locale, value, options),
    relative: (to, from = Date.now()) => {
      const seconds = (Number(to) - Number(from)) / 1000;
      const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
      return relative(Math.round(seconds / size), unit);
    },
    relativeDays: (days) => relative(days, 'day'),
    list: (items, type = 'conjunction') =>
      formatter('l', locale, type, () => new Intl.ListFormat(locale, { type })).format(items),
  };
}

/** The formats of the locale the editor speaks now. */
export function useFormats(): Formats {
  const { i18n } = useLingui();
  const locale = i18n.locale;
  return useMemo(() => formatsFor(locale), [locale]);
}
