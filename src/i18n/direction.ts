// Which way a language is written, from its likely script: on its own (no imports), so the build
// can say it in each language's page too (vite.localized-pages.ts).

// Scripts written right to left (Unicode's Bidi_Class R and AL scripts in use today).
const RIGHT_TO_LEFT_SCRIPTS = /^(?:Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|Mand|Samr)$/;

/** Right to left when the language is written in such a script (`ar`, `he`, `fa`, `ur`, `az-Arab`). */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  // Finding the likely script loads locale data (7 to 11 ms the first time, on the first render's
  // path): English, the default, is known.
  if (locale === 'en') return 'ltr';
  try {
    const script = new Intl.Locale(locale).maximize().script;
    return RIGHT_TO_LEFT_SCRIPTS.test(script ?? '') ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
