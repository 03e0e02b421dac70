// The summary of changes in the mount's language: a URL the rule refuses is told why in German,
// not in the English the shared URL rule (contract/) words it in.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/api-client';
import { EditorApp } from '../../app/editor-app';
import { endpointView } from '../../app/view';
import { makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';

// The editor's chunk and the locale's catalogues load first (a cold import takes a few seconds).
const LOADED = { timeout: 8000 };

describe('the summary of changes in German', () => {
  it('says why a URL is not valid yet in German', async () => {
    server.use(...readHandlers([makeEndpoint()]));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
    render(
      <EditorApp
        apiClient={apiClient}
        queryClient={queryClient}
        view={endpointView('ep_1')}
        onNavigate={() => undefined}
        locale="de"
      />,
    );
    const url = await screen.findByLabelText('Endpunkt-URL', {}, LOADED);
    const user = userEvent.setup();
    await user.clear(url);
    await user.type(url, 'http://hooks.example.com/konpro');
    const summary = screen.getByRole('region', { name: 'Zu speichernde Änderungen' });
    expect(within(summary).getByText(/Die URL muss mit https:\/\/ beginnen/)).toBeVisible();
    expect(summary).not.toHaveTextContent('The URL must start');
  });
});
