import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/api-client';
import { EditorApp } from '../app/editor-app';
import { ADD_VIEW, LIST_VIEW, type View, endpointView } from '../app/view';
import { makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { accountOwner } from './draft-owner';
import { writeDraft } from './draft-storage';
import { toFormValues } from '../endpoint-form/form-values';

const ADA = accountOwner('ada@example.com');
const BEN = accountOwner('ben@example.com');
const SERVER_URL = 'https://hooks.example.com/konpro';
const TYPED = 'https://ada-private.example.com/hook';

function renderAs(draftOwner: string | null, view: View = endpointView('ep_1')) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const apiClient = createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 });
  const app = (owner: string | null) => (
    <EditorApp
      apiClient={apiClient}
      queryClient={queryClient}
      view={view}
      onNavigate={() => undefined}
      draftOwner={owner}
    />
  );
  const user = userEvent.setup();
  const view_ = render(app(draftOwner));
  return {
    user,
    view: view_,
    queryClient,
    signIn: (owner: string) => view_.rerender(app(owner)),
  };
}

async function typeAsAda() {
  const { user, view } = renderAs(ADA);
  const url = await screen.findByLabelText('Endpoint URL');
  await user.clear(url);
  await user.type(url, TYPED);
  view.unmount();
}

describe('drafts belong to the admin who typed them', () => {
  it('restores a draft to its admin, and shows another admin the server’s values', async () => {
    server.use(...readHandlers([makeEndpoint()]));
    await typeAsAda();

    const ada = renderAs(ADA);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(TYPED);
    expect(screen.getByText(/unsaved changes from earlier were restored/)).toBeVisible();
    ada.view.unmount();

    renderAs(BEN);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(SERVER_URL);
    expect(screen.queryByText(/unsaved changes from earlier/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('offers a draft made before a change on the server to its admin only', async () => {
    const endpoint = makeEndpoint();
    server.use(...readHandlers([endpoint]));
    const before = { ...toFormValues(endpoint), url: 'https://before.example.com/hook' };
    writeDraft(ADA, 'ep_1', before, { ...before, url: TYPED });

    const ada = renderAs(ADA);
    expect(await screen.findByRole('button', { name: 'Restore unsaved changes' })).toBeVisible();
    ada.view.unmount();

    renderAs(BEN);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(SERVER_URL);
    expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull();
  });

  it('marks the list only with the signed-in admin’s drafts', async () => {
    server.use(...readHandlers([makeEndpoint()]));
    await typeAsAda();

    const ada = renderAs(ADA, LIST_VIEW);
    expect(await screen.findByRole('link', { name: SERVER_URL })).toHaveAccessibleDescription(
      'Unsaved changes',
    );
    ada.view.unmount();

    renderAs(BEN, LIST_VIEW);
    const link = await screen.findByRole('link', { name: SERVER_URL });
    expect(link).not.toHaveAccessibleDescription('Unsaved changes');
  });

  it('keeps what one admin typed in the add form from the next', async () => {
    server.use(...readHandlers([makeEndpoint()]));
    const typing = renderAs(ADA, ADD_VIEW);
    await typing.user.type(await screen.findByLabelText('Endpoint URL'), TYPED);
    typing.view.unmount();

    const ada = renderAs(ADA, ADD_VIEW);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(TYPED);
    ada.view.unmount();

    renderAs(BEN, ADD_VIEW);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue('');
  });

  it('waits to know who is signed in before starting the form', async () => {
    server.use(...readHandlers([makeEndpoint()]));
    await typeAsAda();

    const page = renderAs(null);
    // The endpoint and the catalog are in; the form still waits.
    await waitFor(() => {
      const queries = page.queryClient.getQueryCache().getAll();
      expect(queries.map((query) => query.state.status)).toEqual(['success', 'success']);
    });
    expect(screen.getByText('Loading endpoint…')).toBeVisible();
    expect(screen.queryByLabelText('Endpoint URL')).toBeNull();
    page.signIn(ADA);
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(TYPED);
  });
});
