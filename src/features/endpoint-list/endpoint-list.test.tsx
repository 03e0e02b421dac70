// The list page in the mount's language: its labels, the count's plural and the created date.
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/api-client';
import { EditorApp } from '../../app/editor-app';
import { LIST_VIEW } from '../../app/view';
import { makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';

beforeEach(() => {
  server.use(
    ...readHandlers([
      makeEndpoint({ events: ['avatar_video.success', 'avatar_video.fail'] }),
      makeEndpoint({ endpoint_id: 'ep_2', url: 'https://b.example.com/hook', events: [] }),
    ]),
  );
});

function list(locale: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  return (
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={LIST_VIEW}
      onNavigate={() => undefined}
      locale={locale}
    />
  );
}

const created = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
    Date.parse('2024-01-15T10:30:00Z'),
  );

describe('the endpoint list', () => {
  it('speaks English as before', async () => {
    render(list('en'));
    expect(await screen.findByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
    expect(await screen.findByText('2 endpoints')).toBeVisible();
    expect(screen.getByText('2 events')).toBeVisible();
    expect(screen.getByText('All events')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Copy ID ep_2' })).toBeVisible();
  });

  it('speaks German, with its plurals and dates', async () => {
    render(list('de-DE'));
    expect(await screen.findByRole('heading', { name: 'Webhook-Endpunkte' })).toBeVisible();
    expect(await screen.findByText('2 Endpunkte')).toBeVisible();
    expect(screen.getByText('2 Events')).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Endpunkte durchsuchen' })).toBeVisible();
    expect(screen.getByRole('option', { name: 'Neueste zuerst' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Aktiviert' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ID ep_2 kopieren' })).toBeVisible();
    expect(screen.getAllByText(created('de'))).toHaveLength(2);
  });

  it('speaks Arabic, with its dual', async () => {
    render(list('ar'));
    expect(await screen.findByRole('heading', { name: 'نقاط نهاية Webhook' })).toBeVisible();
    expect(await screen.findByText('نقطتا نهاية')).toBeVisible();
    expect(screen.getByText('حدثان')).toBeVisible();
    expect(screen.getAllByText(created('ar'))).toHaveLength(2);
  });
});
