import { describe, expect, it, vi } from 'vitest';
import { LOCALES, directionOf, negotiateLocale } from './locales';

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

  it('asks for no locale data to know that English reads left to right', () => {
    const maximize = vi.spyOn(Intl.Locale.prototype, 'maximize');
    expect(directionOf('en')).toBe('ltr');
    expect(maximize).not.toHaveBeenCalled();
    expect(directionOf('he-IL')).toBe('rtl');
    expect(maximize).toHaveBeenCalledTimes(1);
    maximize.mockRestore();
  });

  it('writes Arabic right to left, the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['en', 'de', 'ja'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr']);
  });

  it('knows the direction of a language added later from its script, not a list of languages', () => {
    expect(['he', 'fa', 'ur', 'yi', 'dv', 'az-Arab'].map(directionOf)).toEqual(
      Array(6).fill('rtl'),
    );
    expect(['fr', 'az', 'zh-Hant', 'not a tag!'].map(directionOf)).toEqual(Array(4).fill('ltr'));
  });
});

describe('the shipped languages', () => {
  it('are the folders of src/locales, English first', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync('src/locales'); // the repository's root is the tests' folder
    expect(LOCALES[0]).toBe('en');
    expect([...LOCALES].sort()).toEqual([...folders].sort());
  });
});
