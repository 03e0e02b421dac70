// What a URL check found, in the words the region says, in the editor's language: messages from
// the form's catalogue, dates and numbers in the mount's locale (i18n/formats.ts).
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { formatLongDate, formatRelativeDays } from '../../i18n/editor-formats';
import { formatNumber } from '../../i18n/formats';
import {
  EXPIRY_WARNING_DAYS,
  type UrlCheckDelivery,
  type UrlCheckTls,
} from '../../../contract/url-check';

const DAY_MS = 86_400_000;

/** "TLS 1.3" (or Node's "TLSv1.3") as people write it; a name it does not know, as it came. */
export function tlsWords(version: string): string {
  const match = /^(TLS|SSL) ?v?(\d+)(?:\.(\d+))?$/i.exec(version.trim());
  if (!match) return version;
  const [, name = '', major = '', minor = '0'] = match;
  return `${name.toUpperCase()} ${major}.${minor}`;
}

/**
 * `trusted` is false for any failed chain check (an unknown issuer, but also an expired
 * certificate or a key too weak): why is the problem's to say, shown beside these words.
 */
export function certificateWords(i18n: I18n, { trusted, host_matches }: UrlCheckTls): string {
  if (trusted && host_matches) return i18n._(msg`The certificate is trusted and matches the host.`);
  if (trusted) return i18n._(msg`The certificate is trusted, but it is for another host.`);
  if (host_matches) return i18n._(msg`The certificate matches the host, but it is not trusted.`);
  return i18n._(msg`The certificate is not trusted, and it is for another host.`);
}

export type Expiry = { words: string; inDays: string; expired: boolean; soon: boolean };

/** When the certificate expires: a date and "in N days", counted in the reader's calendar days. */
export function expiryWords(i18n: I18n, validTo: string, now: number): Expiry | null {
  const end = new Date(validTo);
  if (Number.isNaN(end.getTime())) return null;
  const calendarDay = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const days = Math.round((calendarDay(end) - calendarDay(new Date(now))) / DAY_MS);
  const date = formatLongDate(i18n.locale, end);
  const inDays = formatRelativeDays(i18n.locale, days);
  const expired = end.getTime() <= now;
  return {
    words: expired
      ? i18n._(msg`It expired on ${date}, ${inDays}.`)
      : i18n._(msg`It expires on ${date}, ${inDays}.`),
    inDays,
    expired,
    soon: !expired && end.getTime() - now <= EXPIRY_WARNING_DAYS * DAY_MS,
  };
}

/** "HTTP 200 in 84 ms". */
export function deliveryWords(i18n: I18n, { status, ms }: UrlCheckDelivery): string {
  const time = formatNumber(i18n.locale, Math.round(ms));
  return i18n._(msg`HTTP ${status} in ${time} ms`);
}
