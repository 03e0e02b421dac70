// The portal's backend: its own sign-in and pages, and the webhook editor's API mounted at
// /portal-api with the portal's Konpro key. The key never reaches the browser.
import { randomBytes } from 'node:crypto';
import express from 'express';
import { createWebhookEditorApi } from 'konpro-webhook-editor/server';
import { editorTokens } from './editor-tokens.mjs';
import { sendWebResponse, toWebRequest } from './express-fetch.mjs';

const env = process.env;
if (!env.KONPRO_API_KEY) throw new Error('Set KONPRO_API_KEY to the portal’s Konpro API key');
const tokens = editorTokens({ secret: env.EDITOR_TOKEN_SECRET, ttlSeconds: 300 });
/** The portal's sessions (a stand-in for your real sign-in): session id → email. */
const sessions = new Map();

const app = express();
app.disable('x-powered-by');

// 1. The editor's API, before any body parser. `authorize` decides who may act: here the user a
//    short-lived token names (section 3 mints them).
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
app.use('/portal-api', (req, res, next) => {
  editorApi(toWebRequest(req, res))
    .then((response) => sendWebResponse(res, response))
    .catch(next);
});

// 2. The portal's own session.
/** @param {import('express').Request} req */
function currentUser(req) {
  const id = /(?:^|;\s*)portal_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  return id === undefined ? undefined : sessions.get(id);
}
app.get('/sign-in', (_req, res) => {
  res.type('html').send(signInPage());
});
app.post('/sign-in', express.urlencoded({ extended: false }), (req, res) => {
  const email = String(req.body?.email ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    res.status(400).type('html').send(signInPage('Enter an email address'));
    return;
  }
  const id = randomBytes(24).toString('base64url');
  sessions.set(id, email);
  res.cookie('portal_session', id, { httpOnly: true, sameSite: 'lax', path: '/' });
  res.redirect(303, '/');
});
app.post('/sign-out', (req, res) => {
  const id = /(?:^|;\s*)portal_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (id !== undefined) sessions.delete(id);
  res.clearCookie('portal_session', { path: '/' });
  res.redirect(303, '/sign-in');
});

// 3. A token for the editor, for the signed-in user only; the page asks before each editor call.
app.post('/portal/editor-token', (req, res) => {
  const user = currentUser(req);
  if (user === undefined) {
    res.status(401).json({ error: 'Sign in first' });
    return;
  }
  res
    .set('cache-control', 'no-store')
    .json({ token: tokens.mint(user), expires_in: tokens.ttlSeconds });
});
app.get('/portal/me', (req, res) => {
  const user = currentUser(req);
  if (user === undefined) res.status(401).json({ error: 'Sign in first' });
  else res.json({ email: user });
});

// 4. The portal's pages (the Vite build), for signed-in users.
const built = new URL('dist/', import.meta.url).pathname;
app.use('/assets', express.static(`${built}assets`, { immutable: true, maxAge: '1y' }));
app.get('/{*page}', (req, res) => {
  if (currentUser(req) === undefined) res.redirect(303, '/sign-in');
  else res.sendFile(`${built}index.html`);
});

/** @param {string} [problem] */
function signInPage(problem = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Acme portal</title></head>
<body><main><h1>Acme developer portal</h1>
<form method="post" action="/sign-in"><label>Email <input name="email" type="email" value="ada@example.com" required></label>
${problem ? `<p role="alert">${problem}</p>` : ''}<button>Sign in</button></form></main></body></html>`;
}

const server = app.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`Portal on http://${address.address}:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
