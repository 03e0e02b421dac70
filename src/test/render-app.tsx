import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/api-client';
import { EditorApp } from '../app/editor-app';

export function renderEditor(
  endpointId: string | null = 'ep_1',
  onDirtyChange?: (dirty: boolean) => void,
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  const navigations: (string | null)[] = [];
  const user = userEvent.setup();
  const view = render(
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      endpointId={endpointId}
      onNavigate={(id) => navigations.push(id)}
      onDirtyChange={onDirtyChange}
    />,
  );
  return { user, view, navigations, queryClient, apiClient };
}
