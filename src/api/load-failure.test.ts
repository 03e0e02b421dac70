import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { describeLoadFailure } from './load-failure';
import { englishI18n, i18nIn } from '../test/i18n';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const TIME = { hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;

describe('a failed load in the mount’s language', () => {
  it('says when Konpro can be asked again, in the locale’s own time format', async () => {
    const error = new ApiError({
      kind: 'http',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'x',
      serverMessage: 'Maintenance',
      requestId: 'req-503',
      retryAfterSeconds: 120,
    });
    const failure = describeLoadFailure(error, true, NOW);
    const at = (locale: string) => new Intl.DateTimeFormat(locale, TIME).format(NOW + 120_000);
    expect(englishI18n()._(failure.advice)).toBe(
      `Konpro is unavailable right now. Try again after ${at('en')}.`,
    );
    expect((await i18nIn('de'))._(failure.advice)).toBe(
      `Konpro ist derzeit nicht verfügbar. Versuchen Sie es nach ${at('de')} erneut.`,
    );
    // The server's own words and the request id are kept as they came, for the banner.
    expect(failure).toMatchObject({
      detail: 'Maintenance',
      requestId: 'req-503',
      fromEditorServer: false,
    });
  });

  it('counts a timeout’s seconds with the locale’s plural', async () => {
    const failure = (seconds: number) =>
      describeLoadFailure(
        new ApiError({ kind: 'timeout', message: 'x', timeoutSeconds: seconds }),
        true,
        NOW,
      );
    expect(englishI18n()._(failure(1).advice)).toMatch(
      /^The server did not answer within 1 second\./,
    );
    expect(englishI18n()._(failure(15).advice)).toMatch(/within 15 seconds\./);
    const ar = await i18nIn('ar');
    expect(ar._(failure(2).advice)).toMatch(/^لم يردّ الخادم خلال ثانيتين\./);
    expect(ar._(failure(1).advice)).toMatch(/^لم يردّ الخادم خلال ثانية واحدة\./);
  });

  it('names the editor’s server when it, not Konpro, answered', () => {
    const error = new ApiError({
      kind: 'http',
      status: 502,
      code: 'UPSTREAM_UNREACHABLE',
      message: 'x',
      serverMessage: 'Konpro could not be reached.',
    });
    const failure = describeLoadFailure(error, true, NOW);
    expect(failure.fromEditorServer).toBe(true);
    expect(englishI18n()._(failure.advice)).toBe(
      'The editor’s server could not reach Konpro. Try again in a moment.',
    );
  });
});
