import { describe, expect, it } from 'vitest';
import { englishI18n, i18nIn } from '../../test/i18n';
import { certificateWords, deliveryWords, expiryWords, tlsWords } from './check-words';

const i18n = englishI18n();

const tls = { version: 'TLSv1.3', valid_to: '2027-01-01T00:00:00Z' };
const at = (iso: string) => new Date(iso).getTime();
const day = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(at(iso));
const inDays = (days: number) =>
  new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(days, 'day');

describe('the TLS version', () => {
  it.each([
    ['TLS 1.3', 'TLS 1.3'],
    ['TLS 1.0', 'TLS 1.0'],
    ['TLSv1.3', 'TLS 1.3'],
    ['TLSv1.2', 'TLS 1.2'],
    ['TLSv1', 'TLS 1.0'],
    ['SSLv3', 'SSL 3.0'],
    ['a new protocol', 'a new protocol'],
  ])('%s reads as %s', (version, words) => expect(tlsWords(version)).toBe(words));
});

describe('the certificate', () => {
  it.each([
    [true, true, 'The certificate is trusted and matches the host'],
    [true, false, 'The certificate is trusted, but it is for another host'],
    [false, true, 'The certificate matches the host, but it is not trusted'],
    [false, false, 'The certificate is not trusted, and it is for another host'],
  ])('trusted %s, matching %s: %s', (trusted, hostMatches, words) => {
    expect(certificateWords(i18n, { ...tls, trusted, host_matches: hostMatches })).toMatch(words);
  });
});

describe('when the certificate expires', () => {
  it('says the date in the reader’s locale and how many days away it is', () => {
    const expiry = expiryWords(i18n, '2026-09-30T12:00:00Z', at('2026-07-02T12:00:00Z'));
    expect(expiry).toMatchObject({ soon: false, expired: false, inDays: inDays(90) });
    expect(expiry?.words).toBe(`It expires on ${day('2026-09-30T12:00:00Z')}, ${inDays(90)}.`);
    expect(inDays(90)).toBe('in 90 days'); // the test runs in English
  });

  it('warns when it expires within 14 days, and not a day later', () => {
    const now = at('2026-07-02T12:00:00Z');
    expect(expiryWords(i18n, '2026-07-16T12:00:00Z', now)).toMatchObject({
      soon: true,
      words: expect.stringContaining('in 14 days') as string,
    });
    expect(expiryWords(i18n, '2026-07-16T12:00:01Z', now)?.soon).toBe(false);
    expect(expiryWords(i18n, '2026-07-03T11:00:00Z', now)).toMatchObject({
      soon: true,
      inDays: 'tomorrow',
    });
  });

  it('says it has expired, in the past tense', () => {
    const expiry = expiryWords(i18n, '2026-06-29T12:00:00Z', at('2026-07-02T12:00:00Z'));
    expect(expiry).toMatchObject({ expired: true, soon: false });
    expect(expiry?.words).toBe(`It expired on ${day('2026-06-29T12:00:00Z')}, 3 days ago.`);
  });

  it('leaves out a date it cannot read', () => {
    expect(expiryWords(i18n, 'not a date', Date.now())).toBeNull();
  });
});

describe('the test delivery', () => {
  it('says the status and the time', () => {
    expect(deliveryWords(i18n, { status: 200, ms: 84 })).toBe('HTTP 200 in 84 ms');
    expect(deliveryWords(i18n, { status: 500, ms: 1234.4 })).toBe('HTTP 500 in 1,234 ms');
  });
});

describe('in the mount’s language, not the browser’s', () => {
  it('says the date, the days and the numbers in German', async () => {
    const de = await i18nIn('de');
    const expiry = expiryWords(de, '2026-09-30T12:00:00Z', at('2026-07-02T12:00:00Z'));
    expect(expiry?.words).toBe('Das Zertifikat läuft am 30. September 2026 ab, in 90 Tagen.');
    expect(deliveryWords(de, { status: 500, ms: 1234.4 })).toBe('HTTP 500 in 1.234 ms');
  });

  it('says them in Japanese and Arabic', async () => {
    const ja = await i18nIn('ja');
    expect(expiryWords(ja, '2026-07-03T11:00:00Z', at('2026-07-02T12:00:00Z'))?.inDays).toBe(
      '明日',
    );
    const ar = await i18nIn('ar');
    expect(certificateWords(ar, { ...tls, trusted: true, host_matches: true })).toMatch(/الشهادة/);
  });
});
