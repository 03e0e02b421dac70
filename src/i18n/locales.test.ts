import { describe, expect, it } from 'vitest';
import { directionOf, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it.each([
    ['de-CH', 'de'],
    ['ar-EG', 'ar'],
    ['ja-JP', 'ja'],
    ['DE-at', 'de'],
    ['de-Latn-CH', 'de'],
    ['en-GB', 'en'],
    ['zh', 'en'],
    ['zh-Hant-TW', 'en'],
  ])('%s speaks %s', (tag, locale) => {
    expect(negotiateLocale(tag)).toBe(locale);
  });

  it('takes the first shipped language in order of preference', () => {
    expect(negotiateLocale(['zh-CN', 'fr', 'ja', 'de'])).toBe('ja');
    expect(negotiateLocale(['en-US', 'de'])).toBe('en');
  });

  it('falls back to English, without throwing, for nothing, empty and malformed tags', () => {
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale([])).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale('not a tag!')).toBe('en');
    expect(negotiateLocale(['de_DE', 'ar'])).toBe('ar');
  });

  it('writes Arabic right to left, the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['en', 'de', 'ja'].map((l) => directionOf(l as 'en'))).toEqual(['ltr', 'ltr', 'ltr']);
  });
});
