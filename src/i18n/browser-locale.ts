import { useEffect, useState } from 'react';
import { type Locale, directionOf, negotiateLocale } from './locales';

const browserLocale = () => negotiateLocale(navigator.languages);

/**
 * The standalone page speaks the browser's languages (navigator.languages, in order), and follows
 * a change of them; the page's own <html> says which, for the browser and assistive technology.
 */
export function useBrowserLocale(): Locale {
  const [locale, setLocale] = useState(browserLocale);
  useEffect(() => {
    const changed = () => setLocale(browserLocale());
    window.addEventListener('languagechange', changed);
    return () => window.removeEventListener('languagechange', changed);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  return locale;
}
