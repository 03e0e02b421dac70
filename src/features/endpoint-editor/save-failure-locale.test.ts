// A request's own failure, told in the mount's language: a save that timed out and a reload that
// failed read in German, never in ApiError's English message (which is for logs and onError).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { i18nIn } from '../../test/i18n';
import { describeReloadFailure, describeSaveFailure } from './save-failure';

const timedOut = () =>
  new ApiError({
    kind: 'timeout',
    message: 'The server did not answer within 15 seconds.',
    timeoutSeconds: 15,
  });

describe('a failed save or reload in German', () => {
  it('says the save timed out, with the seconds as a plural', async () => {
    const de = await i18nIn('de');
    const failure = describeSaveFailure(de, timedOut(), true, Date.now());
    expect(failure.title).toBe('Der Server hat nicht innerhalb von 15 Sekunden geantwortet.');
  });

  it('says why the reload failed, in German around the reason', async () => {
    const de = await i18nIn('de');
    const failure = describeReloadFailure(de, timedOut());
    expect(failure.advice).toContain('Der Server hat nicht innerhalb von 15 Sekunden geantwortet.');
    expect(failure.advice).not.toContain('The server');
  });

  it("keeps the server's own words when it gave some", async () => {
    const de = await i18nIn('de');
    const refused = new ApiError({
      kind: 'http',
      status: 500,
      message: 'Konpro failed',
      serverMessage: 'upstream exploded',
    });
    expect(describeReloadFailure(de, refused).advice).toContain('upstream exploded');
  });
});
