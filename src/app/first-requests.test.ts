import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/api-client';
import { endpointsQueryOptions } from '../api/endpoints';
import { eventTypesQueryOptions } from '../api/event-types';
import { SESSION_QUERY_KEY } from '../api/session';
import { readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { askFirstRequests } from './first-requests';
import { preloadEditor } from './use-editor-module';
import { LIST_VIEW, endpointView } from './view';

vi.mock('./use-editor-module', () => ({
  preloadEditor: vi.fn(() => Promise.reject(new Error('the code could not be fetched'))),
}));

const apiClient = createApiClient({ baseUrl: 'http://localhost/api' });
const authClient = createApiClient({ baseUrl: 'http://localhost/auth' });
const queryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const asking = (client: QueryClient, queryKey: readonly unknown[]) =>
  client.isFetching({ queryKey, exact: true }) === 1;

describe('what the standalone page asks for before React renders', () => {
  it('asks who is signed in with the lists: an open endpoint waits for it', async () => {
    server.use(
      ...readHandlers(),
      http.get('http://localhost/auth/session', () => HttpResponse.json({ auth: 'off' })),
    );
    const client = queryClient();
    const view = endpointView('ep_1');
    const ready = askFirstRequests({ queryClient: client, apiClient, authClient, view });
    expect(asking(client, SESSION_QUERY_KEY)).toBe(true);
    expect(asking(client, endpointsQueryOptions(apiClient).queryKey)).toBe(true);
    expect(asking(client, eventTypesQueryOptions(apiClient).queryKey)).toBe(true);
    // Settles once the editor's code has come, or failed to (the view says so): React's first
    // render waits for it.
    expect(preloadEditor).toHaveBeenCalledTimes(1);
    await expect(ready).resolves.toBeUndefined();
  });

  it('on the list, asks who is signed in and for the list, not the catalog', () => {
    server.use(
      ...readHandlers(),
      http.get('http://localhost/auth/session', () => HttpResponse.json({ auth: 'off' })),
    );
    const client = queryClient();
    const ready = askFirstRequests({ queryClient: client, apiClient, authClient, view: LIST_VIEW });
    expect(ready).toBeNull(); // the list needs no more code than the entry: React renders at once
    expect(asking(client, SESSION_QUERY_KEY)).toBe(true);
    expect(asking(client, eventTypesQueryOptions(apiClient).queryKey)).toBe(false);
  });
});
