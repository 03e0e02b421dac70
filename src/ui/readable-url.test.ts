import { describe, expect, it, vi } from 'vitest';
import { decodePunycode, isReadableLabel, readableUrl } from './readable-url';

describe('decodePunycode (RFC 3492)', () => {
  it.each([
    ['bcher-kva', 'bücher'],
    ['mnchen-3ya', 'münchen'],
    ['80ak6aa92e', 'аррӏе'],
    ['pple-43d', 'аpple'],
    ['wgv71a119e', '日本語'],
    ['e1afmkfd', 'пример'],
    ['mgbh0fb', 'مثال'],
    ['hxajbheg2az3al', 'παράδειγμα'],
    ['cafe-4x5f052k', '東京cafe'],
    ['eckwd4c7c', 'ドメイン'],
  ])('decodes %s as %s', (input, output) => {
    expect(decodePunycode(input)).toBe(output);
    // The parser agrees: it encodes the readable form back to the same label.
    expect(new URL(`https://${output}.example/`).hostname).toBe(`xn--${input}.example`);
  });

  it.each(['a-b!', 'ab-\u00ff', '-', 'zzzzzzzzzzzzzz9'])('finds %j is not punycode', (input) => {
    expect(decodePunycode(input)).toBeNull();
  });
});

describe('isReadableLabel', () => {
  it.each([
    'bücher',
    'münchen',
    'пример',
    'παράδειγμα',
    '日本語',
    'ドメイン',
    'コーヒー',
    '東京cafe',
    'مثال',
    'shop-24',
  ])('reads %s as it is', (label) => expect(isReadableLabel(label)).toBe(true));

  it.each([
    ['аpple', 'a Cyrillic а among Latin letters'],
    ['pаypal', 'a Cyrillic а among Latin letters'],
    ['аррӏе', 'Cyrillic letters that all read as Latin ones'],
    ['ορο', 'Greek letters that all read as Latin ones'],
    ['gοοgle', 'Greek ο among Latin letters'],
    ['пример𐌰', 'a script outside the list'],
    ['한국日本ひら', 'Korean mixed with Japanese'],
  ])('keeps %s as punycode: %s', (label) => {
    expect(isReadableLabel(label)).toBe(false);
  });
});

describe('readableUrl', () => {
  it.each([
    ['https://xn--bcher-kva.example/hook', 'https://bücher.example/hook'],
    ['https://bücher.example/hook', 'https://bücher.example/hook'],
    ['https://shop.xn--mnchen-3ya.example:8443/in?x=1', 'https://shop.münchen.example:8443/in?x=1'],
    ['https://example.com/b%C3%BCcher/%E6%97%A5', 'https://example.com/bücher/日'],
    ['https://xn--e1afmkfd.xn--p1ai/', 'https://пример.рф/'],
  ])('reads %s as %s', (url, readable) => {
    expect(readableUrl(url)).toBe(readable);
  });

  it.each([
    ['https://example.com/hook', 'an ASCII URL'],
    ['https://xn--pple-43d.com/hook', 'a Cyrillic а in apple'],
    ['https://xn--80ak6aa92e.com/', 'аррӏе, all Cyrillic, looks like apple'],
    ['https://xn--pypal-4ve.com/', 'a Cyrillic а in paypal'],
    ['https://example.com/a%20b', 'an escaped space'],
    ['https://example.com/%E2%80%AEexe', 'an escaped text-direction override'],
    ['https://example.com/%C2%85', 'an escaped control character'],
    ['https://example.com/%FF%FE', 'escapes that are not UTF-8'],
    ['not a url', 'text that is not a URL'],
  ])('shows nothing besides %s: %s', (url) => {
    expect(readableUrl(url)).toBeNull();
  });

  it('keeps a look-alike label in punycode and reads the others', () => {
    expect(readableUrl('https://xn--pple-43d.xn--bcher-kva.example/')).toBe(
      'https://xn--pple-43d.bücher.example/',
    );
    expect(readableUrl('https://xn--pple-43d.com/b%C3%BCcher')).toBe(
      'https://xn--pple-43d.com/bücher',
    );
  });
});

describe('start-up cost', () => {
  it('builds its Unicode-script patterns on the first label checked, not when loaded', async () => {
    const built: string[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        built.push(String(args[0]));
        return Reflect.construct(target, args);
      },
    });
    try {
      vi.resetModules();
      const fresh = await import('./readable-url');
      expect(built.filter((source) => source.includes('scx='))).toEqual([]);
      expect(fresh.isReadableLabel('münchen')).toBe(true);
      expect(built.filter((source) => source.includes('scx='))).toHaveLength(29);
      fresh.isReadableLabel('пример');
      expect(built.filter((source) => source.includes('scx='))).toHaveLength(29);
    } finally {
      globalThis.RegExp = Original;
    }
  });
});
