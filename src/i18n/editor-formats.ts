// The dates, times, relative days and lists only the editor's chunks show, in the mount's locale
// (formats.ts has those the list page needs too).
import { formatter } from './runtime';
import { dateTimeIn } from './formats';

/** "30 September 2026": the month in words. */
export const formatLongDate = (locale: string, value: Date | number) =>
  dateTimeIn(locale, { dateStyle: 'long' }, value);

export const formatDateTime = (locale: string, value: Date | number) =>
  dateTimeIn(locale, { dateStyle: 'medium', timeStyle: 'short' }, value);

export const formatTime = (locale: string, value: Date | number) =>
  dateTimeIn(locale, { timeStyle: 'short' }, value);

/** "tomorrow", "in 9 days", "3 days ago": a count of calendar days. */
export const formatRelativeDays = (locale: string, days: number) =>
  formatter('r', locale, 0, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
    days,
    'day',
  );

/** "a, b and c" (`conjunction`), "a, b or c" (`disjunction`) or "a, b, c" (`unit`). */
export const formatList = (
  locale: string,
  items: readonly string[],
  type: Intl.ListFormatType = 'conjunction',
) => formatter('l', locale, type, () => new Intl.ListFormat(locale, { type })).format(items);
