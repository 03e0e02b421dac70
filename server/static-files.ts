// The built single-page app. Hashed files under /assets never change, so browsers may keep them
// for a year; index.html and everything else is revalidated so a new build shows up at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { staticGuard } from './http/static-guard';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function mountStaticFiles(app: Hono, staticDir: string): void {
  // The portal script (a later build puts it in dist/embed) is loaded from other origins.
  const embedDir = join(staticDir, '..', 'embed');
  if (existsSync(embedDir)) {
    const rewrite = (path: string) => path.replace(/^\/embed/, '');
    const files = serveStatic({ root: embedDir, rewriteRequestPath: rewrite });
    app.get('/embed/*', staticGuard(embedDir, '/embed'), crossOrigin, caching, files, fileNotFound);
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
  const files = serveStatic({ root: staticDir });
  app.get('*', staticGuard(staticDir));
  // A missing script must fail as a 404, not load index.html as JavaScript.
  app.get('/assets/*', caching, files, fileNotFound);
  // Any other path is a route of the app itself (e.g. /?endpoint_id=...): serve index.html.
  app.get('*', caching, files, serveStatic({ root: staticDir, path: 'index.html' }));
}

// Set on the way out, and only on success, so a 404 is never cached for a year.
const caching: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok) return;
  const hashed = /^\/(embed\/)?assets\//.test(c.req.path);
  c.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
};

function fileNotFound(c: Context): Response {
  return c.text('Not found', 404);
}

const crossOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('access-control-allow-origin', '*');
  c.header('cross-origin-resource-policy', 'cross-origin');
};
