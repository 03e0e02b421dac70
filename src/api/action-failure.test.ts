import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from './api-error';
import { type ActionFailure, describeActionFailure as describeIn } from './action-failure';
import { englishI18n, i18nIn } from '../test/i18n';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

const http = (status: number, init: Partial<ApiErrorInit> = {}) =>
  new ApiError({ kind: 'http', status, message: `HTTP ${status}`, ...init });

const en = englishI18n();

/** The failure as an English mount renders it. */
const describeActionFailure = (...args: Parameters<typeof describeIn>) => {
  const failure: ActionFailure = describeIn(...args);
  return { ...failure, title: en._(failure.title), advice: en._(failure.advice) };
};

const describeCreate = (error: unknown, online = true) =>
  describeActionFailure(error, 'create', online, NOW);
const describeDelete = (error: unknown, online = true) =>
  describeActionFailure(error, 'delete', online, NOW);

describe('a create or delete that never reached the server', () => {
  const network = new ApiError({ kind: 'network', message: 'Could not reach the server.' });

  it('says the server could not be reached while online, and that nothing happened', () => {
    const create = describeCreate(network, true);
    expect(create.title).toBe('The server could not be reached');
    expect(create.advice).toMatch(/^Nothing was created\. .*press Create endpoint again\.$/);
    expect(create.maybeDone).toBeFalsy();
    const remove = describeDelete(network, true);
    expect(remove.advice).toMatch(/^Nothing was deleted\. .*delete again\.$/);
    expect(remove.maybeDone).toBeFalsy();
  });

  it('says the admin is offline when the browser is', () => {
    const create = describeCreate(network, false);
    expect(create.title).toBe('You are offline');
    expect(create.advice).toBe(
      'Nothing was created. Press Create endpoint again once you are back online.',
    );
    expect(describeDelete(network, false).advice).toBe(
      'Nothing was deleted. Delete again once you are back online.',
    );
  });
});

describe('an answer that was lost on the way back', () => {
  const lost: [string, ApiError][] = [
    ['a timeout', new ApiError({ kind: 'timeout', message: 'No answer within 15 seconds.' })],
    [
      'an answer that could not be read',
      new ApiError({ kind: 'invalid-response', status: 200, message: 'Unknown shape.' }),
    ],
    ['a 504 from the editor’s server', http(504, { code: 'UPSTREAM_TIMEOUT' })],
    ['a 504 from a proxy', http(504, { notJson: true })],
    ['a 502 from a proxy', http(502, { notJson: true })],
    ['a 502 with Konpro’s own code', http(502, { code: 'BAD_GATEWAY' })],
  ];

  it.each(lost)('after %s, a create may or may not have happened', (_, error) => {
    const failure = describeCreate(error);
    expect(failure.maybeDone).toBe(true);
    expect(failure.title).toBe(
      'The answer was lost: the endpoint may or may not have been created',
    );
    expect(failure.advice).toMatch(/list could not be checked/);
    expect(failure.advice).toMatch(/not added twice/);
    const checked = describeActionFailure(error, 'create', true, NOW, true);
    expect(checked.advice).toMatch(/list was checked and has no new endpoint/);
  });

  it.each(lost)('after %s, a delete may or may not have happened', (_, error) => {
    const failure = describeDelete(error);
    expect(failure.maybeDone).toBe(true);
    expect(failure.title).toBe(
      'The answer was lost: the endpoint may or may not have been deleted',
    );
    expect(failure.advice).toBe('Go back to the list to see whether it is still there.');
  });

  it('keeps the request id for whoever looks into it', () => {
    const failure = describeCreate(http(504, { requestId: 'req-504' }));
    expect(failure.requestId).toBe('req-504');
  });
});

describe('a 502 from the editor’s own server', () => {
  it.each(['UPSTREAM_UNREACHABLE', 'UPSTREAM_CONNECT_FAILED', 'INTERNAL_ERROR'])(
    'with %s says Konpro was not reached, so nothing happened',
    (code) => {
      const error = http(502, { code, serverMessage: 'Konpro could not be reached.' });
      const failure = describeCreate(error);
      expect(failure.maybeDone).toBeFalsy();
      expect(failure.title).toBe('The editor’s server could not reach Konpro');
      expect(failure.advice).toBe(
        'The endpoint was not created. Press Create endpoint again in a moment.',
      );
      expect(failure.detail).toBe('Konpro could not be reached.');
      expect(failure.fromEditorServer).toBe(true);
      expect(describeDelete(error).advice).toBe(
        'The endpoint was not deleted. Delete again in a moment.',
      );
    },
  );
});

describe('a refusal', () => {
  it.each([400, 422])('%i quotes Konpro’s words and asks to correct them', (status) => {
    const error = http(status, {
      code: 'VALIDATION_ERROR',
      serverMessage: 'URL must use HTTPS',
      requestId: 'req-123',
    });
    const failure = describeCreate(error);
    expect(failure).toMatchObject({
      title: 'Konpro refused to add the endpoint',
      advice: 'Correct what it names and try again.',
      detail: 'URL must use HTTPS',
      fromEditorServer: false,
      requestId: 'req-123',
    });
    expect(failure.maybeDone).toBeFalsy();
    expect(describeDelete(error).title).toBe('Konpro refused to delete the endpoint');
  });

  it.each(['SIGN_IN_REQUIRED', 'SESSION_EXPIRED'])(
    'a 401 with %s says the admin is signed out',
    (code) => {
      const failure = describeCreate(
        http(401, { code, serverMessage: 'Sign in first', requestId: 'req-401' }),
      );
      expect(failure.title).toBe('The endpoint was not created: you are signed out');
      expect(failure.advice).toMatch(/Sign in again/);
      expect(failure.requestId).toBe('req-401');
      expect(describeDelete(http(401, { code })).title).toBe(
        'The endpoint was not deleted: you are signed out',
      );
    },
  );

  it('a 401 from Konpro says the editor’s API key was refused, not that the admin signed out', () => {
    const failure = describeCreate(
      http(401, { code: 'INVALID_API_KEY', serverMessage: 'Invalid API key' }),
    );
    expect(failure.title).toBe('The editor’s API key was refused');
    expect(failure.advice).toMatch(/configuration problem/);
    expect(failure.advice).not.toMatch(/Sign in/);
    expect(failure.detail).toBe('Invalid API key');
  });

  it('a 403 says the editor is not allowed to do it', () => {
    const error = http(403, { code: 'INSUFFICIENT_PERMISSIONS' });
    expect(describeCreate(error).title).toBe('This editor is not allowed to add endpoints');
    expect(describeDelete(error).title).toBe('This editor is not allowed to delete endpoints');
    expect(describeCreate(error).advice).toMatch(/configuration problem/);
  });

  it('a 404 on delete (the endpoint still listed) says the backend may not offer deleting', () => {
    const failure = describeDelete(http(404, { code: 'DELETE_NOT_OFFERED' }));
    expect(failure.title).toBe('The endpoint was not deleted');
    expect(failure.advice).toMatch(/still in the list/);
    expect(failure.advice).toMatch(/may not offer deleting/);
    expect(failure.maybeDone).toBeFalsy();
  });

  it('a 404 on create says the server does not offer adding', () => {
    const failure = describeCreate(http(404, { code: 'NOT_FOUND' }));
    expect(failure.title).toBe('The endpoint was not created');
    expect(failure.advice).toMatch(/does not offer adding endpoints/);
    expect(failure.advice).not.toMatch(/still in the list/);
  });
});

describe('a busy or unavailable Konpro', () => {
  it('a 429 with Retry-After says when to try again', () => {
    const failure = describeCreate(
      http(429, { code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 90 }),
    );
    const at = new Intl.DateTimeFormat('en', {
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).format(NOW + 90_000);
    expect(failure.title).toBe('Too many requests');
    expect(failure.advice).toBe(
      `The endpoint was not created: Konpro’s rate limit was reached. Try again after ${at}.`,
    );
  });

  it('a 429 without Retry-After asks to wait a minute', () => {
    const failure = describeDelete(http(429, { code: 'RATE_LIMIT_EXCEEDED' }));
    expect(failure.advice).toBe(
      'The endpoint was not deleted: Konpro’s rate limit was reached. Wait a minute, then try again.',
    );
  });

  it('a 503 says Konpro is unavailable and nothing happened', () => {
    const failure = describeCreate(
      http(503, { code: 'SERVICE_UNAVAILABLE', serverMessage: 'Maintenance' }),
    );
    expect(failure).toMatchObject({
      title: 'Konpro is unavailable right now',
      advice: 'The endpoint was not created. Press Create endpoint again in a few minutes.',
      detail: 'Maintenance',
    });
    expect(failure.maybeDone).toBeFalsy();
  });

  it('another status names it', () => {
    const failure = describeDelete(http(500, { code: 'PROCESSING_ERROR' }));
    expect(failure.title).toBe('The endpoint was not deleted (HTTP 500)');
    expect(failure.advice).toBe('Delete again in a moment.');
    expect(failure.maybeDone).toBeFalsy();
  });
});

describe('something that is not an API error', () => {
  it('says something unexpected failed and that nothing happened', () => {
    const failure = describeCreate(new TypeError('x is undefined'));
    expect(failure).toEqual({
      title: 'The endpoint was not created: something unexpected failed',
      advice: 'Press Create endpoint again.',
    });
  });
});

describe('in the mount’s language', () => {
  it('says a failed delete in German, with the time Retry-After names in German', async () => {
    const de = await i18nIn('de');
    const failure = describeIn(
      http(429, { code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 90 }),
      'delete',
      true,
      NOW,
    );
    const at = new Intl.DateTimeFormat('de', {
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).format(NOW + 90_000);
    expect(de._(failure.title)).toBe('Zu viele Anfragen');
    expect(de._(failure.advice)).toBe(
      `Der Endpunkt wurde nicht gelöscht: Das Ratenlimit von Konpro wurde erreicht. Versuchen Sie es nach ${at} erneut.`,
    );
  });

  it('says a failed create in Arabic, naming the button as the add form does', async () => {
    const ar = await i18nIn('ar');
    const failure = describeIn(
      new ApiError({ kind: 'network', message: 'x' }),
      'create',
      false,
      NOW,
    );
    expect(ar._(failure.title)).toBe('أنت غير متصل بالإنترنت');
    // The add form's button reads «إنشاء نقطة النهاية» in Arabic.
    expect(ar._(failure.advice)).toBe(
      'لم يُنشأ أي شيء. اضغط على «إنشاء نقطة النهاية» مرة أخرى عند عودة الاتصال.',
    );
  });
});
