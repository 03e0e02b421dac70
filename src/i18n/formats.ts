// Dates and numbers in the mount's locale (never the browser's, which may differ from what the
// portal chose). Formatters are made once per locale and style. The list page needs only these;
// the formats the editor's chunks use besides are in editor-formats.ts, so the list does not
// carry them (a module travels whole with the first chunk that imports it).
import { useLingui } from './lingui-react';
import { formatter, numberIn } from './runtime';

export const dateTimeIn = (
  locale: string,
  options: Intl.DateTimeFormatOptions,
  value: Date | number,
) => formatter('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(value);

/** "15 Jan 2024" in English: the month shortened. */
export const formatDate = (locale: string, value: Date | number) =>
  dateTimeIn(locale, { dateStyle: 'medium' }, value);

export const formatNumber: (
  locale: string,
  value: number,
  options?: Intl.NumberFormatOptions,
) => string = numberIn;

/** The locale the editor speaks now, for the functions above. */
export function useLocale(): string {
  return useLingui().i18n.locale;
}
