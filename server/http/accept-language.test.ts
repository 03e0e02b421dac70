import { describe, expect, it } from 'vitest';
import { languageOf } from './accept-language';

const BUILT = ['ar', 'de', 'ja'];

describe('the language a browser asks for', () => {
  it.each([
    ['de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7', 'de'],
    ['ja', 'ja'],
    ['ar-EG', 'ar'],
    ['DE-ch', 'de'],
    ['fr-FR,fr;q=0.9,de;q=0.5', 'de'],
    ['en;q=0.4,ja;q=0.8', 'ja'],
    ['de;q=0.1, ja;q=0.1', 'de'],
    ['fr;q=0.9, ja; q = 0.5', 'ja'],
  ])('%s gets %s', (header, language) => {
    expect(languageOf(header, BUILT)).toBe(language);
  });

  it.each([
    ['English first', 'en-GB,de;q=0.9'],
    ['none it speaks', 'fr-FR,zh-Hant'],
    ['a weight of 0', 'de;q=0'],
    ['only a wildcard', '*'],
    ['no header', undefined],
    ['an empty header', ''],
    ['a malformed tag', 'de_DE, <script>'],
    ['a malformed weight', 'de;q=2'],
    ['a header no browser sends', `${'xx-'.repeat(400)}de`],
  ])('%s gets English', (_case, header) => {
    expect(languageOf(header, BUILT)).toBeNull();
  });

  it('matches a language with a region whatever the case, spelt as the build spells it', () => {
    expect(languageOf('pt-br,pt;q=0.8', ['de', 'pt-BR'])).toBe('pt-BR');
    expect(languageOf('PT-BR', ['pt-BR'])).toBe('pt-BR');
    expect(languageOf('pt-PT', ['pt-BR'])).toBeNull();
  });

  it('gets English when the build has no other language', () => {
    expect(languageOf('de', [])).toBeNull();
  });
});
