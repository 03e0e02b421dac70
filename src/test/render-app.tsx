import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/api-client';
import { EditorApp } from '../app/editor-app';
import { type View, endpointView } from '../app/view';

/** Where the app opens: an endpoint's id, null for the list, or any view. */
export function renderEditor(
  opening: string | null | View = 'ep_1',
  onDirtyChange?: (dirty: boolean) => void,
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  // Moves to an endpoint are recorded as its id, to the list as null, to the add form as 'add'.
  const navigations: (string | null)[] = [];
  const user = userEvent.setup();
  const view = render(
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={typeof opening === 'object' && opening !== null ? opening : endpointView(opening)}
      onNavigate={(to) =>
        navigations.push(
          to.name === 'endpoint' ? to.endpointId : to.name === 'list' ? null : to.name,
        )
      }
      onDirtyChange={onDirtyChange}
    />,
  );
  return { user, view, navigations, queryClient, apiClient };
}
