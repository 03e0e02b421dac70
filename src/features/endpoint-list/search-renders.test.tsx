// What a keystroke in "Search endpoints" renders. A big account has hundreds of endpoints: the rows
// that stay on screen must not render again on each key, only those that come or go.
// Counted by wrapping the status badge, which each row renders once per render.
import { createElement } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api/api-client';
import { EditorApp } from '../../app/editor-app';
import { LIST_VIEW } from '../../app/view';
import { makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';

const renders = vi.hoisted(() => ({ rows: 0 }));

vi.mock('../../ui/status-badge', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../ui/status-badge')>();
  return {
    StatusBadge: (props: Parameters<typeof real.StatusBadge>[0]) => {
      renders.rows += 1;
      return createElement(real.StatusBadge, props);
    },
  };
});

const endpoints = Array.from({ length: 12 }, (_, i) =>
  makeEndpoint({ endpoint_id: `ep_${i}`, url: `https://hooks${i}.example.com/konpro` }),
);

beforeEach(() => server.use(...readHandlers(endpoints)));

async function openList() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  const user = userEvent.setup();
  render(
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={LIST_VIEW}
      onNavigate={() => undefined}
    />,
  );
  expect(await screen.findByText('12 endpoints')).toBeVisible();
  renders.rows = 0;
  return { user, search: screen.getByRole('searchbox', { name: 'Search endpoints' }) };
}

describe('what a keystroke in the list search renders', () => {
  it('renders no row while every endpoint still matches', async () => {
    const { user, search } = await openList();
    await user.type(search, 'hooks');
    expect(await screen.findByText('12 of 12 endpoints match')).toBeVisible();
    expect(screen.getAllByRole('row')).toHaveLength(13); // the heading's and twelve
    expect(renders.rows).toBe(0);
  });

  it('renders none of the rows that stay when the search narrows', async () => {
    const { user, search } = await openList();
    await user.type(search, 'hooks1');
    // hooks1, hooks10 and hooks11 stay; the other nine go.
    expect(await screen.findByText('3 of 12 endpoints match')).toBeVisible();
    expect(screen.getByRole('link', { name: 'https://hooks11.example.com/konpro' })).toBeVisible();
    expect(renders.rows).toBe(0);
  });

  it('renders the rows that come back when the search widens', async () => {
    const { user, search } = await openList();
    await user.type(search, 'hooks1');
    expect(await screen.findByText('3 of 12 endpoints match')).toBeVisible();
    await user.clear(search);
    expect(await screen.findByText('12 endpoints')).toBeVisible();
    expect(renders.rows).toBe(9);
  });
});
