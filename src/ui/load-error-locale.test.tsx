// A failed load speaks the mount's language: the advice chosen by the error's status, the server's
// own words and the request id kept as they came, left to right inside Arabic.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { MountI18n } from '../i18n/mount-i18n';
import { LoadError } from './load-error';

const upstream = new ApiError({
  kind: 'http',
  status: 502,
  code: 'UPSTREAM_UNREACHABLE',
  message: 'x',
  serverMessage: 'connect ECONNREFUSED api.konpro.ai:443',
  requestId: 'req-502',
});

function failed(locale: string) {
  return (
    <MountI18n locale={locale}>
      <LoadError error={upstream} failedAt={0} title="…" onRetry={() => undefined} />
    </MountI18n>
  );
}

describe('a failed load', () => {
  it('says in Arabic that the editor’s server could not reach Konpro', async () => {
    render(failed('ar'));
    expect(
      await screen.findByText('تعذّر على خادم المحرّر الوصول إلى Konpro. أعِد المحاولة بعد قليل.'),
    ).toBeVisible();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('ردّ خادم المحرّر: «connect ECONNREFUSED api.konpro.ai:443»');
    expect(screen.getByText('connect ECONNREFUSED api.konpro.ai:443').tagName).toBe('BDI');
    expect(screen.getByText('req-502')).toHaveAttribute('dir', 'ltr');
  });

  it('says it in German', async () => {
    render(failed('de'));
    expect(
      await screen.findByText(
        'Der Server des Editors konnte Konpro nicht erreichen. Versuchen Sie es gleich noch einmal.',
      ),
    ).toBeVisible();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Der Server des Editors meldete: „connect ECONNREFUSED');
  });
});
