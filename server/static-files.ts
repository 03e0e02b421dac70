// The built single-page app. Hashed files under /assets never change, so browsers may keep them
// for a year; index.html and everything else is revalidated (ETag, 304) so a new build shows up at
// once. Every text file is sent as the brotli or gzip copy the build made beside it, as the
// browser accepts (`precompressed`), with `Vary: Accept-Encoding` so caches keep them apart.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { languageOf } from './http/accept-language';
import { isPublicFile } from './http/public-files';
import { staticGuard } from './http/static-guard';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html plus a module preload of the editor's code, built for `?endpoint_id=` links. */
export const DEEP_LINK_PAGE = 'deep-link.html';
/** `index.de.html`: the page in another language (vite.localized-pages.ts). */
const LOCALIZED_PAGE = /^index\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.html$/;

export function mountStaticFiles(app: Hono, staticDir: string): void {
  // A digest of the bytes sent, so the brotli, gzip and plain copies each get their own tag.
  const revalidate = etag();
  // The portal script (a later build puts it in dist/embed) is loaded from other origins.
  const embedDir = join(staticDir, '..', 'embed');
  if (existsSync(embedDir)) {
    const rewrite = (path: string) => path.replace(/^\/embed/, '');
    const files = serveStatic({ root: embedDir, rewriteRequestPath: rewrite, precompressed: true });
    app.get('/embed/*', staticGuard(embedDir, '/embed'));
    app.get('/embed/assets/*', crossOrigin, caching, files, fileNotFound);
    app.get('/embed/*', crossOrigin, revalidate, caching, files, fileNotFound);
  } else {
    app.get('/embed/*', fileNotFound);
  }
  if (!existsSync(join(staticDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text(
        'The web app is not built yet: run `npm run build`, then restart the server. ' +
          'The API (/api/v1 and /v1) works meanwhile.',
        503,
      ),
    );
    return;
  }
  const files = serveStatic({ root: staticDir, precompressed: true });
  const page = (name: string) => serveStatic({ root: staticDir, path: name, precompressed: true });
  // Each page in every other language the build made (index.de.html: its shell says its words
  // in German, and names German's catalogues up front), sent as Accept-Language asks. Read at
  // start, as the pages themselves are: a new build needs a restart.
  const languages = readdirSync(staticDir)
    .map((name) => LOCALIZED_PAGE.exec(name)?.[1])
    .filter((language) => language !== undefined);
  const pagesIn = (language: string | null) => {
    const named = (name: string) => (language === null ? name : `${name}.${language}`);
    const listPage = page(`${named('index')}.html`);
    const deepLink = `${named(DEEP_LINK_PAGE.replace(/\.html$/, ''))}.html`;
    return {
      listPage,
      editorPage: existsSync(join(staticDir, deepLink)) ? page(deepLink) : listPage,
    };
  };
  const english = pagesIn(null);
  const pages = new Map(languages.map((language) => [language, pagesIn(language)]));
  // The page names the editor's code up front only when it opens on an endpoint or the add form
  // (`?new`): the list alone does not need it before the browser is idle.
  const opensEditor = (c: Context) =>
    c.req.query('endpoint_id') !== undefined || c.req.query('new') !== undefined;
  const appPage: MiddlewareHandler = async (c, next) => {
    const language = languageOf(c.req.header('accept-language'), languages);
    const { listPage, editorPage } = (language !== null && pages.get(language)) || english;
    const answer = await (opensEditor(c) ? editorPage : listPage)(c, next);
    if (languages.length > 0 && c.res.ok) {
      c.header('vary', 'Accept-Language', { append: true });
      c.header('content-language', language ?? 'en');
    }
    return answer;
  };
  app.get('*', staticGuard(staticDir));
  // A missing script must fail as a 404, not load index.html as JavaScript.
  app.get('/assets/*', caching, files, fileNotFound);
  app.get('/', revalidate, caching, appPage);
  // Any other path is a file of the build, or a route of the app itself: serve the app's page.
  app.get('*', revalidate, caching, files, notAPublicFile, appPage);
}

// A file anyone may fetch (/favicon.ico) that the build lacks is a 404 like a missing script: the
// app's page in its place would be a page served without sign-in.
const notAPublicFile: MiddlewareHandler = (c, next) =>
  isPublicFile(c.req.path) ? Promise.resolve(fileNotFound(c)) : next();

// Set on the way out, and only on success, so a 404 is never cached for a year.
const caching: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok) return;
  const hashed = /^\/(embed\/)?assets\//.test(c.req.path);
  c.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
  // serveStatic says Vary only when it picked a compressed copy; a cache that stored the plain
  // answer without it would hand that to every browser.
  if (!/accept-encoding/i.test(c.res.headers.get('vary') ?? '')) {
    c.header('vary', 'Accept-Encoding', { append: true });
  }
};

function fileNotFound(c: Context): Response {
  return c.text('Not found', 404);
}

const crossOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('access-control-allow-origin', '*');
  c.header('cross-origin-resource-policy', 'cross-origin');
};
