// The languages the editor speaks, and which of them a BCP 47 request gets. English is the source
// of every message and the answer to anything unknown: a portal passing `locale: 'zh'` or a
// malformed tag gets English, with no error.
export const LOCALES = ['en', 'de', 'ja', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}

/** A tag in canonical form (`DE-ch` → `de-CH`, `iw` → `he`), or null when it is not BCP 47. */
function canonical(tag: string): string | null {
  try {
    return new Intl.Locale(tag).baseName;
  } catch {
    return null;
  }
}

/**
 * BCP 47 lookup (RFC 4647, 3.4): each requested tag in order of preference, shortened one subtag
 * at a time (`de-Latn-CH` → `de-Latn` → `de`) until a shipped locale matches.
 */
export function negotiateLocale(requested: string | readonly string[] | null | undefined): Locale {
  const tags = typeof requested === 'string' ? [requested] : (requested ?? []);
  for (const tag of tags) {
    const subtags = canonical(tag)?.split('-') ?? [];
    for (let length = subtags.length; length > 0; length -= 1) {
      const candidate = subtags.slice(0, length).join('-');
      if (isLocale(candidate)) return candidate;
    }
  }
  return DEFAULT_LOCALE;
}
