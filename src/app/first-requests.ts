import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/api-client';
import { endpointsQueryOptions } from '../api/endpoints';
import { eventTypesQueryOptions } from '../api/event-types';
import { sessionQueryOptions } from '../api/session';
import { preloadEditor } from './use-editor-module';
import type { View } from './view';

type FirstRequests = {
  queryClient: QueryClient;
  apiClient: ApiClient;
  /** Answers below `/auth`: who is signed in. */
  authClient: ApiClient;
  view: View;
};

/**
 * Asks for what the first view needs before React renders, so the answers travel while the code
 * runs. Every view needs the list and who is signed in (an open endpoint and the add form start
 * from that admin's draft, so they wait for it); an open endpoint and the add form also need the
 * catalog and the editor's code. A failure here shows up in the view's own query, which retries.
 * Returns, for a view that needs the editor, a promise that settles when its code has come (or
 * failed to); null for the list, which needs no more than the entry.
 */
export function askFirstRequests({ queryClient, apiClient, authClient, view }: FirstRequests) {
  queryClient.query(endpointsQueryOptions(apiClient)).catch(() => undefined);
  queryClient.query(sessionQueryOptions(authClient)).catch(() => undefined);
  if (view.name === 'list') return null;
  queryClient.query(eventTypesQueryOptions(apiClient)).catch(() => undefined);
  // Settles once the editor's code has come or failed to come: a failure is the view's to say.
  return preloadEditor().catch(() => undefined);
}
