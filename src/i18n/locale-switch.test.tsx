// The locale is the mount's, and a change of it re-renders in place: no remount, no lost edits.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../api/api-client';
import { EditorApp } from '../app/editor-app';
import { preloadEditor } from '../app/use-editor-module';
import { ADD_VIEW, endpointView } from '../app/view';
import { makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';

// The editor's chunk is loaded before the first test, not inside its 3 s wait for a heading: on a
// busy machine, transforming it alone can take longer.
beforeAll(() => preloadEditor());

beforeEach(() => {
  server.use(...readHandlers([makeEndpoint({ events: ['avatar_video.success'] })]));
});

function app() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  return (locale: string | undefined, view = ADD_VIEW) => (
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={view}
      onNavigate={() => undefined}
      locale={locale}
    />
  );
}

describe('the locale of a mount', () => {
  it('changes in place and keeps what the admin typed', async () => {
    const user = userEvent.setup();
    const editor = app();
    const { rerender, container } = render(editor('en'));
    await screen.findByRole('heading', { name: 'Add endpoint' });
    const url = await screen.findByRole('textbox', { name: /Endpoint URL/ });
    await user.type(url, 'https://hooks.example.com/typed');

    rerender(editor('de-CH'));
    expect(await screen.findByRole('heading', { name: 'Endpunkt hinzufügen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Endpunkt erstellen' })).toBeVisible();
    // The same input, never remounted, with what was typed.
    expect(screen.getByDisplayValue('https://hooks.example.com/typed')).toBe(url);
    expect(container.querySelector('.kwe-root')).toHaveAttribute('lang', 'de');

    rerender(editor('ar-EG'));
    expect(await screen.findByRole('heading', { name: 'إضافة نقطة نهاية' })).toBeVisible();
    expect(container.querySelector('.kwe-root')).toHaveAttribute('dir', 'rtl');
    expect(screen.getByDisplayValue('https://hooks.example.com/typed')).toBe(url);
  });

  it('speaks English, with no error, for a language it does not ship', async () => {
    const editor = app();
    const { container } = render(editor('zh-Hans'));
    expect(await screen.findByRole('heading', { name: 'Add endpoint' })).toBeVisible();
    expect(container.querySelector('.kwe-root')).toHaveAttribute('lang', 'en');
    expect(container.querySelector('.kwe-root')).toHaveAttribute('dir', 'ltr');
  });

  it('lets two editors on one page speak two languages', async () => {
    const first = app();
    const second = app();
    render(
      <>
        <section aria-label="one">{first('ja')}</section>
        <section aria-label="two">{second('de', endpointView('ep_1'))}</section>
      </>,
    );
    const one = screen.getByRole('region', { name: 'one' });
    const two = screen.getByRole('region', { name: 'two' });
    expect(await within(one).findByRole('heading', { name: 'エンドポイントを追加' })).toBeVisible();
    expect(await within(two).findByRole('button', { name: 'Endpunkt löschen' })).toBeVisible();
  });
});
