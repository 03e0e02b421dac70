// Which of the page's languages a browser's Accept-Language asks for (RFC 9110, 12.5.4): its
// tags by weight (q), the first that a language the build has matches by lookup (RFC 4647,
// 3.4: `de-CH` → `de`). English is the default and ends the search: `en-GB, de` gets English.
// A header that is malformed or too long to be a browser's gets English, with no error.

const MAX_HEADER = 1024;
const TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const WEIGHT = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/** The language to answer in, of `available` (as src/locales names them), or null for English. */
export function languageOf(
  header: string | undefined,
  available: readonly string[],
): string | null {
  if (header === undefined || header.length > MAX_HEADER || available.length === 0) return null;
  const ranges: { tag: string; q: number }[] = [];
  for (const item of header.split(',')) {
    const [range = '', ...parameters] = item.split(';').map((part) => part.trim());
    const weights = parameters.filter((parameter) => /^q\s*=/i.test(parameter));
    const weight = weights.length === 1 ? WEIGHT.exec(weights[0] ?? '') : null;
    // No weight is 1; a malformed one (q=2) drops the range rather than guess.
    const q = weights.length === 0 ? 1 : weight ? Number(weight[1]) : 0;
    if (TAG.test(range) && q > 0) ranges.push({ tag: range.toLowerCase(), q });
  }
  // A stable sort: tags of one weight keep the browser's order.
  ranges.sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    for (let candidate = tag; candidate !== ''; candidate = candidate.replace(/-?[^-]*$/, '')) {
      if (candidate === 'en') return null;
      // Tags match whatever their case (`pt-BR`, `pt-br`); the answer is spelt as the build's.
      const found = available.find((language) => language.toLowerCase() === candidate);
      if (found !== undefined) return found;
    }
  }
  return null;
}
