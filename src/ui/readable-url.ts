// The readable form of a URL that the parser keeps in ASCII: `https://xn--bcher-kva.example/%C3%A4`
// reads `https://bücher.example/ä`. It is shown beside the exact form, never instead of it, and
// only where it cannot pass for another name: a host label whose letters mix scripts (a Cyrillic
// `а` in `apple`), or that are all Cyrillic or Greek letters shaped like Latin ones (`аре`), stays
// as punycode. The browser has no punycode decoder of its own (`url.domainToUnicode` is Node's), so
// punycode.js decodes (RFC 3492); the parser itself checks the result, so nothing it would not
// produce from the readable form is ever shown.
import { decode } from 'punycode/punycode.es6.js';

// Scripts a label may be written in. Letters of other scripts keep the label in punycode.
// Built on the first label checked, not when the page loads: 29 Unicode-property patterns cost
// several ms of start-up, and most pages never show an international address.
let scripts: (readonly [string, RegExp])[] | undefined;
const scriptPatterns = () =>
  (scripts ??= (
    'Latin Greek Cyrillic Armenian Georgian Hebrew Arabic Thaana Devanagari Bengali Gurmukhi ' +
    'Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala Thai Lao Tibetan Myanmar Khmer ' +
    'Ethiopic Hangul Han Hiragana Katakana Bopomofo'
  )
    .split(' ')
    .map((name) => [name, new RegExp(`\\p{scx=${name}}`, 'u')] as const));

// Scripts written together (UTS #39, "highly restrictive"): Japanese, Chinese, Korean, each with Latin.
const TOGETHER = ['Latin Han Hiragana Katakana', 'Latin Han Bopomofo', 'Latin Han Hangul'];

// Whole-label look-alikes: Cyrillic and Greek letters that read as Latin ones.
// (A decoded label always holds a letter beyond ASCII, so this never matches digits alone.)
const LATIN_LOOKALIKES = /^[аеіјорсухѕԁһӏԛԝьпгѵѡъαικνορτυχ\d-]+$/u;

/** Whether a decoded label reads as what it is. */
export function isReadableLabel(label: string): boolean {
  const seen = new Set<string>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue; // digits, hyphens and marks belong to no script
    const of = scriptPatterns().filter(([, pattern]) => pattern.test(char));
    if (of.length === 0) return false;
    for (const [name] of of) seen.add(name);
  }
  const one = seen.size <= 1 || TOGETHER.some((set) => [...seen].every((s) => set.includes(s)));
  return one && !LATIN_LOOKALIKES.test(label);
}

/** RFC 3492 decoding of one label's part after `xn--`; null when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  try {
    return decode(input);
  } catch {
    return null; // punycode.js throws RangeError on invalid input or overflow
  }
}

/** A run of percent-escapes that makes non-ASCII text, decoded when it is plain text. */
function readableEscapes(run: string): string {
  try {
    const text = decodeURIComponent(run);
    // Controls, direction marks, invisible and space-like characters stay escaped.
    return /[\p{C}\p{Z}]/u.test(text) ? run : text;
  } catch {
    return run; // not UTF-8
  }
}

/**
 * The URL as it reads, when that differs from `new URL(url).href` and is safe to show; null
 * otherwise (an ASCII URL, a look-alike host, text that is not a URL).
 */
export function readableUrl(url: string): string | null {
  if (!/xn--|%[89a-f]|[^\0-\x7f]/i.test(url)) return null; // most URLs: nothing to read
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ascii = parsed.href;
  const host = parsed.hostname;
  const labels = host.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    const decoded = decodePunycode(label.slice(4));
    return decoded !== null && isReadableLabel(decoded) ? decoded : label;
  });
  let readableHost = labels.join('.');
  // The parser must turn the readable host back into this very one; else it is not shown.
  try {
    if (new URL(`https://${readableHost}/`).hostname !== host) readableHost = host;
  } catch {
    readableHost = host;
  }
  const tail = (parsed.pathname + parsed.search).replace(/(%[89a-f][\da-f])+/gi, readableEscapes);
  const readable = `${parsed.protocol}//${readableHost}${parsed.port && `:${parsed.port}`}${tail}`;
  return readable === ascii ? null : readable;
}
