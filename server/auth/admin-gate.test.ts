// Signed out, the build's files are served (a browser asks for /favicon.ico even on the signed-out
// page, and must not be sent to the provider for it), while pages and /api stay behind sign-in:
// over a socket, so no spelling of a path is folded away before the server sees it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listening, rawRequest } from '../test-support/raw-http';
import { ISSUER, signInApp } from '../test-support/sign-in-app';

const ICON = 'icon-bytes-0123';
const LIST = '/api/v1/webhook/endpoint.list';

async function signedOutServer({ withFiles = true } = {}) {
  const { app, staticDir } = await signInApp();
  if (withFiles) {
    await writeFile(join(staticDir, 'favicon.ico'), ICON);
    await writeFile(join(staticDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  }
  const port = await listening(app);
  // The request is not half-closed: the server drops an answer it is still working on then.
  return (target: string, method = 'GET') =>
    rawRequest(port, `${method} ${target} HTTP/1.1\r\nHost: webhooks.example.com`, {
      endRequest: false,
    });
}

describe('the sign-in gate and the build’s files', () => {
  it('serves /favicon.ico, /robots.txt and hashed assets signed out, without a trip to sign in', async () => {
    const get = await signedOutServer();
    for (const path of ['/favicon.ico', '/robots.txt', '/assets/app-1a2b.js']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['location'], path).toBeUndefined();
      expect(answer.headers['set-cookie'], path).toBeUndefined(); // no sign-in was started
    }
    expect((await get('/favicon.ico')).body).toBe(ICON);
    expect((await get('/favicon.ico', 'HEAD')).status).toBe(200);
  });

  it('answers 404 for a missing one, rather than the app’s page or the provider', async () => {
    const get = await signedOutServer({ withFiles: false });
    for (const path of ['/favicon.ico', '/apple-touch-icon.png', '/assets/gone-1234.js']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('<title>Editor');
      expect(answer.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('still sends a page to the provider and answers /api with 401', async () => {
    const get = await signedOutServer();
    for (const path of ['/', '/?endpoint_id=ep_1', '/index.html', '/endpoints']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(302);
      expect(answer.headers['location'], path).toMatch(new RegExp(`^${ISSUER}/authorize\\?`));
    }
    const api = await get(LIST);
    expect(api.status).toBe(401);
    expect(api.body).toContain('SIGN_IN_REQUIRED');
  });

  // Paths that look like a file of the build but are, or lead to, a page (302 to the provider)
  // or /api (401). Spellings the URL parser folds (`..`, `%2e`, `;`) arrive folded; the others
  // are not one plain segment, so they are what the app's page answers: a page.
  const disguised: [string, number][] = [
    [`/favicon.ico/..${LIST}`, 401],
    [`/favicon.ico/%2e%2e${LIST}`, 401],
    [`/favicon.ico;/..${LIST}`, 401],
    [`/assets/..${LIST}`, 401],
    [`/assets/%2e%2e${LIST}`, 401],
    [`${LIST}#/favicon.ico`, 401],
    ['/api/favicon.ico', 401],
    ['/api/assets/app-1a2b.js', 401],
    [`${LIST}/robots.txt`, 401],
    ['/favicon.ico/..%2F..%2Fapi%2Fv1%2Fwebhook%2Fendpoint.list', 302],
    [`/favicon.ico%2F..%2F..${LIST}`, 302],
    ['/assets/..%2F..%2Fapi%2Fv1%2Fwebhook%2Fendpoint.list', 302],
    ['/assets/..%2Findex.html', 302],
    ['/assets/../index.html', 302],
    ['/assets/%2e%2e', 302],
    ['/assets/.%2e/', 302],
    ['/assets/x/../../index.html', 302],
    ['/assets/nested/app-1a2b.js', 302],
    ['/robots.txt/../', 302],
    ['/robots.txt%00', 302],
    ['/favicon.ico/', 302],
    ['//favicon.ico', 302],
    ['/favicon.ico%2F', 302],
    ['/index.html', 302],
    ['/deep-link.html', 302],
    ['/api%2Fv1%2Fwebhook%2Fendpoint.list', 302],
  ];

  it.each(disguised)('GET %s is not served as a public file (%i)', async (path, status) => {
    const get = await signedOutServer();
    const answer = await get(path);
    expect(answer.status).toBe(status);
    if (status === 302) expect(answer.headers['location']).toMatch(/^https:\/\/login\./);
    else expect(answer.body).toContain('SIGN_IN_REQUIRED');
  });

  it('does not let a write through under the name of a file', async () => {
    const get = await signedOutServer();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await get('/favicon.ico', method)).status, method).toBe(401);
    }
  });
});
