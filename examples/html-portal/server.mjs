// The portal's backend: its own sign-in and pages, and the webhook editor's API mounted at
// /portal-api with the portal's Konpro key. The key never reaches the browser.
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createWebhookEditorApi } from 'konpro-webhook-editor/server';
import { editorTokens } from './editor-tokens.mjs';

const env = process.env;
if (!env.KONPRO_API_KEY) throw new Error('Set KONPRO_API_KEY to the portal’s Konpro API key');
// Stand-ins for the portal's real secrets: random per start unless set.
const sessionSecret = env.SESSION_SECRET ?? crypto.randomUUID();
const tokens = editorTokens({ secret: env.EDITOR_TOKEN_SECRET, ttlSeconds: 300 });

const app = new Hono();

// 1. The editor's API. `authorize` decides who may act: here the user a short-lived token names.
const editorApi = createWebhookEditorApi({
  apiKey: env.KONPRO_API_KEY,
  apiBase: env.KONPRO_API_BASE, // unset: https://api.konpro.ai
  basePath: '/portal-api',
  authorize: (request) => {
    const user = tokens.userOf(request);
    return user === null ? null : { actor: user };
  },
  // Every write and secret reveal, refused ones included: keep these lines.
  onAudit: (line) => console.log(JSON.stringify({ msg: 'webhook audit', ...line })),
});
app.all('/portal-api/*', (c) => editorApi(c.req.raw));

// 2. The portal's own session (a stand-in for your real sign-in).
const currentUser = (c) => getSignedCookie(c, sessionSecret, 'portal_session');
app.get('/sign-in', (c) => c.html(signInPage()));
app.post('/sign-in', async (c) => {
  const form = await c.req.parseBody();
  const email = String(form.email ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return c.html(signInPage('Enter an email address'), 400);
  await setSignedCookie(c, 'portal_session', email, sessionSecret, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
  });
  return c.redirect('/');
});
app.post('/sign-out', (c) => {
  deleteCookie(c, 'portal_session', { path: '/' });
  return c.redirect('/sign-in');
});

// 3. A token for the editor, for the signed-in user only; the page asks before each editor call.
app.post('/portal/editor-token', async (c) => {
  const user = await currentUser(c);
  if (!user) return c.json({ error: 'Sign in first' }, 401);
  c.header('cache-control', 'no-store');
  return c.json({ token: tokens.mint(user), expires_in: tokens.ttlSeconds });
});
app.get('/portal/me', async (c) => {
  const user = await currentUser(c);
  return user ? c.json({ email: user }) : c.json({ error: 'Sign in first' }, 401);
});

// 4. The editor's module, served as it was installed: one file, React and CSS inside.
const editorModule = new URL(import.meta.resolve('konpro-webhook-editor/element'));
app.get('/vendor/konpro-webhook-editor.js', async (c) => {
  c.header('content-type', 'text/javascript; charset=utf-8');
  return c.body(await readFile(editorModule));
});

// 5. The portal's page, for signed-in users, and its script and styles.
const page = new URL('public/index.html', import.meta.url);
app.get('/', async (c) =>
  (await currentUser(c)) ? c.html(await readFile(page, 'utf8')) : c.redirect('/sign-in'),
);
app.use('/*', serveStatic({ root: new URL('public', import.meta.url).pathname }));

function signInPage(problem = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Acme portal</title>
<link rel="stylesheet" href="/portal.css"></head>
<body><main class="sign-in"><h1>Acme developer portal</h1>
<form method="post" action="/sign-in"><label>Email <input name="email" type="email" value="ada@example.com" required></label>
${problem ? `<p role="alert">${problem}</p>` : ''}<button>Sign in</button></form></main></body></html>`;
}

const server = serve(
  { fetch: app.fetch, hostname: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 3000) },
  (address) => console.log(`Portal on http://${address.address}:${address.port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
