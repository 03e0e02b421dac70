// The list's search lives in the address, written once typing pauses rather than on every key (a
// synchronous trip to the browser each time), and at once when the list is left.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/api-client';
import { makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { StandaloneApp } from './standalone-app';

const SESSION = `${window.location.origin}/auth/session`;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  server.use(
    ...readHandlers([makeEndpoint()]),
    http.get(SESSION, () => HttpResponse.json({ auth: 'none' })),
  );
});

afterEach(() => vi.restoreAllMocks());

/**
 * The list, loaded. The user acts without pauses (`delay: null`): a whole `type` runs before any
 * timer can, as keys typed faster than the pause the address waits for.
 */
async function openList() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  render(<StandaloneApp queryClient={queryClient} apiClient={apiClient} />);
  const search = await screen.findByRole('searchbox', { name: 'Search endpoints' });
  const user = userEvent.setup({ delay: null });
  const replaced = vi.spyOn(window.history, 'replaceState');
  const pushed = vi.spyOn(window.history, 'pushState');
  return { user, search, replaced, pushed };
}

const searchOf = (call: unknown[] | undefined) =>
  new URL(String(call?.[2]), window.location.href).searchParams.get('q');

describe('the list search in the address', () => {
  it('is written once when typing pauses, not on every key', async () => {
    const { user, search, replaced } = await openList();
    await user.type(search, 'hooks');
    expect(search).toHaveValue('hooks');
    expect(replaced).not.toHaveBeenCalled();
    await waitFor(() => expect(replaced).toHaveBeenCalledTimes(1));
    expect(searchOf(replaced.mock.calls[0])).toBe('hooks');
    expect(new URL(window.location.href).searchParams.get('q')).toBe('hooks');
  });

  it('is written before an endpoint opened mid-search, so Back finds it', async () => {
    const { user, search, replaced, pushed } = await openList();
    await user.type(search, 'hooks');
    await user.click(screen.getByRole('link', { name: 'https://hooks.example.com/konpro' }));
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(searchOf(replaced.mock.calls[0])).toBe('hooks');
    expect(pushed).toHaveBeenCalledTimes(1);
    expect(replaced.mock.invocationCallOrder[0]).toBeLessThan(
      pushed.mock.invocationCallOrder[0] ?? 0,
    );
    expect(new URL(window.location.href).searchParams.get('endpoint_id')).toBe('ep_1');
  });

  it('is written at once when the page is left mid-search, so a reload finds it', async () => {
    const { user, search, replaced } = await openList();
    await user.type(search, 'hooks');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'enabled');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(replaced).toHaveBeenCalledTimes(1);
    const address = new URL(window.location.href).searchParams;
    expect([address.get('q'), address.get('status')]).toEqual(['hooks', 'enabled']);
  });
});
