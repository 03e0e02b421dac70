// The shared pieces speak the mount's language: a failed load, a slow one, a status and the
// unsaved-changes question, here in German and Arabic.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { MountI18n } from '../i18n/mount-i18n';
import { ErrorBanner } from './error-banner';
import { LeaveDialog } from './leave-dialog';
import { LoadingStatus } from './loading-status';
import { ReadUrlContext, ReadsAs } from './reads-as';
import { readableUrl } from './readable-url';
import { StatusBadge } from './status-badge';

function pieces(locale: string) {
  return (
    <MountI18n locale={locale}>
      <ErrorBanner title="…" detail="Invalid API key" requestId="req-1" />
      <LoadingStatus
        label="…"
        failureCount={1}
        failureReason={new ApiError({ kind: 'network', message: 'offline' })}
      />
      <StatusBadge status="disabled" />
      <ReadUrlContext.Provider value={readableUrl}>
        <ReadsAs url="https://xn--mnchen-3ya.example/hooks" />
      </ReadUrlContext.Provider>
      <LeaveDialog onLeave={() => undefined} onStay={() => undefined} />
    </MountI18n>
  );
}

describe('the shared pieces', () => {
  it('speak German', async () => {
    render(pieces('de'));
    expect(await screen.findByText('Ohne Speichern verlassen?')).toBeVisible();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Konpro meldete: „Invalid API key“');
    expect(alert).toHaveTextContent('Anfrage-ID: req-1');
    expect(screen.getByText('Der Server ist nicht erreichbar. Neuer Versuch…')).toBeVisible();
    expect(screen.getByText('deaktiviert')).toBeVisible();
    expect(screen.getByText(/lesbar:/)).toHaveTextContent(
      '(lesbar: https://münchen.example/hooks)',
    );
    expect(screen.getByRole('button', { name: 'Bleiben und weiter bearbeiten' })).toBeVisible();
  });

  it('speak Arabic, with the URL left to right', async () => {
    render(pieces('ar'));
    expect(await screen.findByText('هل تريد المغادرة دون حفظ؟')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('ردّ Konpro: «Invalid API key»');
    expect(screen.getByText('معطّلة')).toBeVisible();
    expect(
      screen.getByText('https://münchen.example/hooks', { exact: false }).closest('bdi'),
    ).toHaveAttribute('dir', 'ltr');
  });

  it('keep their English', () => {
    render(pieces('en'));
    expect(screen.getByRole('alert')).toHaveTextContent('Konpro said: “Invalid API key”');
    expect(screen.getByText('disabled')).toBeVisible();
    expect(screen.getByText('The server could not be reached. Asking again…')).toBeVisible();
  });
});
