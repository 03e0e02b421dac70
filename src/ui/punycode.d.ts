// punycode.js ships no types; the browser build imports its ES module by path, so that Node's
// deprecated built-in `punycode` is never what resolves.
declare module 'punycode/punycode.es6.js' {
  /** A label's punycode (after `xn--`) as Unicode; throws a RangeError when it is not valid. */
  export function decode(input: string): string;
}
