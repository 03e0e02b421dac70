import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { apiErrorText } from './error-text';
import { errorFromResponse } from './normalize-error';
import { englishI18n, i18nIn } from '../test/i18n';

const en = englishI18n();
const konpro = (status: number, code: string) =>
  errorFromResponse(
    status,
    JSON.stringify({ error: { code, message: 'server words' }, request_id: 'req-1' }),
    new Headers(),
  );

describe('what a failed request says', () => {
  it('is chosen by status, whatever the server wrote', () => {
    expect(en._(apiErrorText(konpro(404, 'RESOURCE_NOT_FOUND')))).toBe(
      'The endpoint was not found.',
    );
    expect(en._(apiErrorText(konpro(429, 'RATE_LIMIT_EXCEEDED')))).toBe(
      'Too many requests: the rate limit was reached.',
    );
    expect(en._(apiErrorText(konpro(418, 'TEAPOT')))).toBe(
      'The server answered with an error (HTTP 418).',
    );
  });

  it('names a sign-in that ended by its code, and a proxy’s page by its body', () => {
    expect(en._(apiErrorText(konpro(401, 'SESSION_EXPIRED')))).toMatch(/^You are signed out\./);
    const proxy = errorFromResponse(502, '<html>Bad gateway</html>', new Headers());
    expect(en._(apiErrorText(proxy))).toBe(
      'The server answered with an error (HTTP 502) that was not JSON, so it probably came from a proxy.',
    );
  });

  it('speaks the mount’s language, with the seconds of a timeout as a plural', async () => {
    const timeout = new ApiError({ kind: 'timeout', message: 'x', timeoutSeconds: 15 });
    expect((await i18nIn('de'))._(apiErrorText(timeout))).toBe(
      'Der Server hat nicht innerhalb von 15 Sekunden geantwortet.',
    );
    expect((await i18nIn('ja'))._(apiErrorText(konpro(404, 'RESOURCE_NOT_FOUND')))).toBe(
      'エンドポイントが見つかりませんでした。',
    );
  });
});
