// The languages the editor speaks, and which of them a BCP 47 request gets. English is the source
// of every message and the answer to anything unknown: a portal passing `locale: 'zh'` or a
// malformed tag gets English, with no error.
// The languages are the folders of src/locales, as lingui.config.ts lists them for the build
// (linguiPlugins in vite.lingui.ts): the page needs their names, not their loaders.

export { directionOf } from './direction';

/** A shipped language's tag, as its folder in src/locales names it. */
export type Locale = string;
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALES: readonly Locale[] = KONPRO_LOCALES;

/**
 * BCP 47 lookup (RFC 4647, 3.4): each requested tag in order of preference, shortened one subtag
 * at a time (`de-Latn-CH` → `de-Latn` → `de`) until a shipped locale matches.
 */
export function negotiateLocale(requested: string | readonly string[] | null | undefined): Locale {
  const tags = typeof requested === 'string' ? [requested] : (requested ?? []);
  for (const tag of tags) {
    let candidate: string;
    try {
      // In canonical form (`DE-ch` → `de-CH`, `iw` → `he`); a tag that is not BCP 47 matches none.
      candidate = new Intl.Locale(tag).baseName;
    } catch {
      continue;
    }
    for (; candidate !== ''; candidate = candidate.replace(/-?[^-]*$/, '')) {
      if (LOCALES.includes(candidate)) return candidate;
    }
  }
  return DEFAULT_LOCALE;
}
