// The history in the mount's language: each entry one sentence in German or Arabic, the counted
// event types in the language's plural forms, lists and times in its formats.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../contract/history';
import { createApiClient } from '../../api/api-client';
import { EditorApp } from '../../app/editor-app';
import { endpointView } from '../../app/view';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';

const HOUR = 3_600_000;
// The editor's chunk and the locale's catalogues load first (a cold import takes a few seconds).
const LOADED = { timeout: 8000 };

function openIn(locale: string, entries: HistoryEntry[]) {
  server.use(...readHandlers([makeEndpoint()]));
  server.use(http.get(`${API}/endpoint.history`, () => HttpResponse.json({ data: entries })));
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  return render(
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={endpointView('ep_1')}
      onNavigate={() => undefined}
      locale={locale}
    />,
  );
}

const at = new Date(Date.now() - 3 * HOUR - 60_000).toISOString();
const entries: HistoryEntry[] = [
  {
    at,
    actor: 'ana@example.com',
    action: 'endpoint.update',
    request_id: 'req_two',
    changes: {
      url: { from: 'https://a.example/h', to: 'https://b.example/h' },
      events_added: ['avatar_video.success', 'avatar_video.fail'],
    },
  },
  {
    at,
    actor: 'local',
    action: 'endpoint.update',
    request_id: 'req_one',
    changes: { events_removed: ['personalized_video'] },
  },
];

const sentences = (region: HTMLElement) =>
  within(region)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('p')?.textContent);

describe('the history in the mount’s language', () => {
  it('speaks German: one sentence per entry, a plural of event types, the time in German', async () => {
    openIn('de', entries);
    const region = await screen.findByRole('region', { name: 'Verlauf' }, LOADED);
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(2));
    expect(sentences(region)).toEqual([
      'ana@example.com hat die URL von https://a.example/h in https://b.example/h geändert und die Events avatar_video.success und avatar_video.fail hinzugefügt',
      'Jemand (ohne Anmeldung) hat das Event personalized_video entfernt',
    ]);
    const time = within(region).getAllByRole('listitem')[0]?.querySelector('time');
    expect(time).toHaveTextContent(/^vor 3 Stunden \(.+\)$/);
    expect(within(region).getAllByRole('listitem')[0]).toHaveTextContent('Anfrage-ID req_two');
  });

  it('speaks Arabic, with the dual for two event types and URLs left to right', async () => {
    openIn('ar', entries);
    const region = await screen.findByRole('region', { name: 'السجل' }, LOADED);
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = sentences(region);
    expect(first).toContain('أضاف الحدثين');
    expect(second).toContain('أزال الحدث personalized_video');
    expect(within(region).getByText('https://b.example/h')).toHaveAttribute('dir', 'ltr');
    expect(within(region).getByText('req_two')).toHaveAttribute('dir', 'ltr');
  });
});
