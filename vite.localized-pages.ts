import { readdirSync } from 'node:fs';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { generateMessageId } from '@lingui/message-utils/generateMessageId';
import type { Plugin, Rollup } from 'vite';
import { directionOf } from './src/i18n/direction.ts';
import { translationsByArea } from './vite.lingui.ts';

/** The pages the server sends for the app's routes (see vite.deep-link-page.ts). */
const PAGES = { 'index.html': ['app'], 'deep-link.html': ['app', 'editor', 'form'] };

/** The module that loads another locale's catalogues (a chunk of its own). */
const LOADER = '/src/i18n/load-messages.ts';

/** The shell's English, as index.html says it and as the app's catalogue has it. */
const TITLE = 'Webhook endpoints';
const HEADING = '{brand} webhook endpoints';
const LOADING = 'Loading…';
const BRAND = '<span class="kwe-brand">Konpro</span>';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);

/** A locale's translation of each message of every area, by its English. */
async function translationsIn(locale: string) {
  const byId: Record<string, string> = {};
  for (const messages of (await translationsByArea(locale)).values()) Object.assign(byId, messages);
  return (english: string, options: { brand?: boolean } = {}) => {
    const translated = byId[generateMessageId(english)];
    if (!translated) throw new Error(`${locale} has no translation of "${english}"`);
    return shellHtml(translated, options);
  };
}

/**
 * A translation as the shell's HTML: compiled as the page compiles it (so ICU's quoting, `'{'` and
 * `''`, reads as the page shows it), its text escaped, `{brand}` as the brand where asked for and
 * required there, any other placeholder refused.
 */
export function shellHtml(translated: string, { brand = false } = {}): string {
  const tokens = compileMessage(translated);
  const html = tokens.map((token) => {
    if (typeof token === 'string') return escapeHtml(token);
    if (brand && token.length === 1 && token[0] === 'brand') return BRAND;
    throw new Error(`"${translated}" has a placeholder the page's shell cannot fill`);
  });
  if (brand && tokens.every((token) => typeof token === 'string')) {
    throw new Error(`"${translated}" leaves out {brand}`);
  }
  return html.join('');
}

/**
 * Each page in every other language the app speaks (`index.de.html`, `deep-link.de.html`): the
 * shell the browser paints before the scripts run says its few words in that language, with the
 * page's `lang` and `dir`, and names that language's catalogues of the page's areas up front, so
 * they arrive beside the entry instead of after it. The server sends the one the browser's
 * Accept-Language asks for (server/http/accept-language.ts); English is index.html itself.
 */
export function localizedPages(): Plugin {
  return {
    name: 'konpro-localized-pages',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const locales = readdirSync('src/locales', { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'en')
        .map((entry) => entry.name);
      for (const locale of locales) {
        const say = await translationsIn(locale);
        for (const [name, areas] of Object.entries(PAGES)) {
          const page = bundle[name];
          if (page?.type !== 'asset') this.error(`${name} is missing from the build`);
          const catalogues = Object.values(bundle).filter(
            (file): file is Rollup.OutputChunk =>
              file.type === 'chunk' &&
              areas.some((area) => file.facadeModuleId?.endsWith(`/locales/${locale}/${area}.po`)),
          );
          if (catalogues.length !== areas.length) {
            this.error(`${name} in ${locale}: ${catalogues.length} of ${areas.length} catalogues`);
          }
          // And what loads them, which only a page in another language fetches.
          const loader = Object.values(bundle).find(
            (file): file is Rollup.OutputChunk =>
              file.type === 'chunk' && file.facadeModuleId?.endsWith(LOADER) === true,
          );
          if (loader === undefined) this.error(`the build has no chunk of ${LOADER}`);
          const preloads = [loader, ...catalogues]
            .map((chunk) => `<link rel="modulepreload" crossorigin href="/${chunk.fileName}">`)
            .join('');
          const replacements: [string, string][] = [
            ['<html lang="en">', `<html lang="${locale}" dir="${directionOf(locale)}">`],
            [`<title>${TITLE} · Konpro</title>`, `<title>${say(TITLE)} · Konpro</title>`],
            [`${BRAND} webhook endpoints`, say(HEADING, { brand: true })],
            [`<p role="status">${LOADING}</p>`, `<p role="status">${say(LOADING)}</p>`],
            ['</head>', `${preloads}</head>`],
          ];
          let html = String(page.source);
          for (const [english, translated] of replacements) {
            // index.html changed: this build must say its new words too, not leave them English.
            if (!html.includes(english)) this.error(`${name} no longer holds ${english}`);
            // A function, so a `$&` or `$'` in a translation stays text.
            html = html.replace(english, () => translated);
          }
          this.emitFile({
            type: 'asset',
            fileName: name.replace(/\.html$/, `.${locale}.html`),
            source: html,
          });
        }
      }
    },
  };
}
