// `POST /api/v1/webhook/endpoint.check` through the whole server: the route table, the layers in
// front of it (JSON only, same origin, sign-in), the audit line, the rate limit, and
// KONPRO_CHECK_ALLOW_LOOPBACK as the page learns it from `/auth/session`. The check itself is
// tested against every kind of receiver in server/url-check/url-check.test.ts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlCheckAnswerSchema } from '../contract/url-check';
import { createApp, type AppDeps } from './app';
import { createLogger } from './log/logger';
import { parseSettings } from './settings';
import { apiError } from './test-support/emulator-harness';
import { startReceiver } from './test-support/https-receiver';
import { objectContaining } from './test-support/matchers';
import { sameOrigin, signInApp, SIGN_IN_ENV } from './test-support/sign-in-app';
import { createTestCa, type TestCa } from './test-support/test-ca';
import { tempDir } from './test-support/temp-dir';

const CHECK = '/api/v1/webhook/endpoint.check';
const SECRET_ANSWER = 'the receiver said something private';

let ca: TestCa;
beforeAll(() => {
  ca = createTestCa();
});
afterAll(() => ca.remove());

async function server(env: Record<string, string> = {}, deps: AppDeps = {}) {
  const dir = await tempDir();
  const parsed = parseSettings(
    { KONPRO_DATA_FILE: join(dir, 'data.json'), STATIC_DIR: join(dir, 'client'), ...env },
    { cwd: dir },
  );
  if (!parsed.ok) throw new Error(parsed.error);
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const app = createApp(parsed.settings, {
    log: () => undefined,
    logger,
    urlCheck: { ca: [ca.caPem] },
    ...deps,
  });
  const check = (body: unknown, headers: Record<string, string> = {}) =>
    app.request(CHECK, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const audits = () => lines.filter((line) => line.audit === true);
  return { app, check, lines, audits };
}

async function goodReceiver() {
  return startReceiver(ca.issue(['127.0.0.1', 'localhost'], { days: 90 }), (response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(SECRET_ANSWER);
  });
}

describe('POST endpoint.check', () => {
  it('checks a loopback receiver with KONPRO_CHECK_ALLOW_LOOPBACK=1, and audits the host only', async () => {
    const receiver = await goodReceiver();
    const { check, lines, audits } = await server({ KONPRO_CHECK_ALLOW_LOOPBACK: '1' });

    const response = await check({
      url: `https://127.0.0.1:${receiver.port}/hook`,
      event_type: 'video_translate.success',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const json: unknown = await response.json();
    // The page reads the answer with this same schema: it must take it as it is.
    expect(urlCheckAnswerSchema.parse(json)).toEqual(json);
    const answer = urlCheckAnswerSchema.parse(json);
    expect(answer).toMatchObject({
      ok: true,
      tls: { trusted: true, host_matches: true },
      delivery: { status: 200 },
      problem: null,
      warnings: [],
    });
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? '')).toMatchObject({
      event_type: 'video_translate.success',
      test: true,
    });
    expect(audits()).toEqual([
      objectContaining({
        audit: true,
        action: 'endpoint.check',
        actor: 'local',
        endpoint_id: null,
        changed: [],
        status: 200,
        host: '127.0.0.1',
        request_id: response.headers.get('x-request-id'),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(SECRET_ANSWER);
  });

  it('tells the page whether its URL rule admits loopback receivers', async () => {
    const on = await server({ KONPRO_CHECK_ALLOW_LOOPBACK: '1' });
    expect(await (await on.app.request('/auth/session')).json()).toEqual({
      auth: 'off',
      check_allow_loopback: true,
    });
    const off = await server();
    expect(await (await off.app.request('/auth/session')).json()).toEqual({
      auth: 'off',
      check_allow_loopback: false,
    });
  });

  it('refuses a loopback URL with 400 when the setting is off, by the page’s own rule', async () => {
    const receiver = await goodReceiver();
    const { check, audits } = await server();
    for (const url of [
      `https://127.0.0.1:${receiver.port}/hook`,
      `https://localhost:${receiver.port}/hook`,
    ]) {
      const response = await check({ url, event_type: 'avatar_video.success' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject(
        apiError('VALIDATION_ERROR', { field: 'url', reason: /cannot reach/ }),
      );
    }
    expect(receiver.connections()).toBe(0);
    expect(audits().map((line) => [line.host, line.status])).toEqual([
      ['127.0.0.1', 400],
      ['localhost', 400],
    ]);
  });

  it('refuses a name that resolves to a private address with ok: false, and connects nowhere', async () => {
    const { check } = await server({}, { urlCheck: { lookup: () => privateAddress() } });
    const response = await check({
      url: 'https://hooks.example.com/in',
      event_type: 'avatar_video.success',
    });
    expect(response.status).toBe(200);
    const json: unknown = await response.json();
    expect(json).toEqual({
      ok: false,
      tls: null,
      delivery: null,
      problem: 'it resolves to a private address',
      warnings: [],
    });
    expect(urlCheckAnswerSchema.parse(json)).toEqual(json);
  });

  it.each([
    [{ event_type: 'avatar_video.success' }, 'url', /url is required/],
    [{ url: 42, event_type: 'avatar_video.success' }, 'url', /url must be a string/],
    [{ url: 'http://hooks.example.com/', event_type: 'avatar_video.success' }, 'url', /https/],
    [{ url: 'https://intranet/hook', event_type: 'avatar_video.success' }, 'url', /without a dot/],
    [{ url: 'https://hooks.example.com/' }, 'event_type', /event_type is required/],
    [
      { url: 'https://hooks.example.com/', event_type: 'video.deleted' },
      'event_type',
      /"video.deleted" is not an event type/,
    ],
    [['https://hooks.example.com/'], 'body', /as JSON/],
    ['{"url": ', 'body', /as JSON/],
  ])('answers 400 for %j, naming %s', async (body, field, reason) => {
    const { check } = await server({}, { urlCheck: { lookup: () => privateAddress() } });
    const response = await check(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject(apiError('VALIDATION_ERROR', { field, reason }));
  });

  it('checks at most 10 URLs a minute per admin, then answers 429 with Retry-After', async () => {
    const { check, audits } = await server({}, { urlCheck: { lookup: () => privateAddress() } });
    const body = { url: 'https://hooks.example.com/', event_type: 'avatar_video.success' };
    for (let i = 0; i < 10; i += 1) expect((await check(body)).status).toBe(200);
    const limited = await check(body);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject(apiError('RATE_LIMIT_EXCEEDED'));
    // A request the check would refuse anyway is not counted, and says what is wrong.
    expect((await check({ ...body, event_type: 'nope' })).status).toBe(400);
    expect(audits().at(-2)).toMatchObject({ status: 429, host: 'hooks.example.com' });
  });

  it('is a POST of JSON from this origin only', async () => {
    const { app, check, audits } = await server();
    const body = { url: 'https://hooks.example.com/', event_type: 'avatar_video.success' };
    expect((await app.request(CHECK)).status).toBe(405);
    const form = await app.request(CHECK, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(body),
    });
    expect(form.status).toBe(415);
    const foreign = await check(body, { 'sec-fetch-site': 'cross-site' });
    expect(foreign.status).toBe(403);
    expect(audits().map((line) => [line.action, line.status, line.host])).toEqual([
      ['endpoint.check', 415, 'hooks.example.com'],
      ['endpoint.check', 403, 'hooks.example.com'],
    ]);
  });

  it('with sign-in, checks for a signed-in admin only and keeps no history of it', async () => {
    const receiver = await goodReceiver();
    const { app, cookieFor, lines, editorStore } = await signInApp({
      ...SIGN_IN_ENV,
      PUBLIC_URL: 'https://localhost:4443',
      KONPRO_CHECK_ALLOW_LOOPBACK: '1',
    });
    const headers = {
      ...sameOrigin(await cookieFor('ada@example.com')),
      origin: 'https://localhost:4443',
      host: 'localhost:4443',
    };
    const body = JSON.stringify({
      url: `https://127.0.0.1:${receiver.port}/`,
      event_type: 'avatar_video.success',
      // A page may say which endpoint it checks for; the check changes nothing of it.
      endpoint_id: 'ep_demo_video_status',
    });
    const signedOut = await app.request(CHECK, {
      method: 'POST',
      headers: { ...headers, cookie: '' },
      body,
    });
    expect(signedOut.status).toBe(401);
    const session = await app.request('/auth/session', { headers });
    expect(await session.json()).toMatchObject({ auth: 'oidc', check_allow_loopback: true });

    // Sign-in's test app trusts no throwaway CA: the check runs, and says so.
    const response = await app.request(CHECK, { method: 'POST', headers, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: false,
      problem: 'the certificate is not trusted (its issuer is unknown)',
    });
    expect(receiver.received).toEqual([]);
    const audit = lines.filter((line) => line.audit === true);
    expect(audit.map((line) => [line.actor, line.status, line.host])).toEqual([
      [null, 401, '127.0.0.1'],
      ['ada@example.com', 200, '127.0.0.1'],
    ]);
    expect(await editorStore.history.list('ep_demo_video_status', 10)).toEqual([]);
  });
});

function privateAddress() {
  return Promise.resolve([{ address: '10.0.0.1', family: 4 }]);
}
