import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../contract/schemas';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { EditorApp } from '../../app/editor-app';
import { preloadEditor } from '../../app/use-editor-module';
import { LIST_VIEW } from '../../app/view';
import { renderEditor } from '../../test/render-app';

function recordPatches(respond: (body: Record<string, unknown>) => Response) {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return respond(body);
    }),
  );
  return bodies;
}

// The editor's chunk is loaded before the first test rather than inside its 3 s wait for the
// form: under React 18 on a busy machine, transforming it alone came close to that.
beforeAll(() => preloadEditor());

const store = [makeEndpoint()];
beforeEach(() => {
  store.splice(0, store.length, makeEndpoint());
});

/** Saves like Konpro: merges the given fields, keeps the secret, answers with the endpoint. */
const savedEcho = (body: Record<string, unknown>) => {
  const saved = { ...store[0], ...body } as Endpoint;
  store[0] = saved;
  return HttpResponse.json(saved);
};

async function openEditor() {
  const app = renderEditor('ep_1');
  const url = await screen.findByLabelText('Endpoint URL');
  return { ...app, url };
}

describe('the endpoint editor', () => {
  it('sends only the URL when only the URL changed, then shows what the server saved', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user, url } = await openEditor();

    await user.clear(url);
    await user.type(url, 'https://new.example.com/hook');
    expect(
      screen.getByText('https://new.example.com/hook', { selector: '.kwe-new' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://new.example.com/hook' }]);
    const panel = screen.getByRole('region', { name: 'What the server saved' });
    expect(within(panel).getByText('enabled')).toBeVisible();
    expect(within(panel).getByText('demo')).toBeVisible();
    // One secret control for the endpoint: the panel's, with the save's answer (no request for
    // the secret is handled here, so a fetch would fail the test); the region points to it.
    expect(screen.getByRole('region', { name: 'Signing secret' })).toHaveTextContent(
      'under “What the server saved”',
    );
    expect(screen.getAllByRole('button', { name: 'Reveal secret' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Copy secret' })).toHaveLength(1);
    expect(panel).not.toHaveTextContent('whsec_test_secret_1234');
    await user.click(within(panel).getByRole('button', { name: 'Reveal secret' }));
    expect(panel).toHaveTextContent('whsec_test_secret_1234');
    expect(screen.getAllByText('whsec_test_secret_1234')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Hide secret' })).toHaveLength(1);
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('https://new.example.com/hook');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('sends only events when only events changed', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Saved');
    expect(bodies).toEqual([
      { endpoint_id: 'ep_1', events: ['avatar_video.success', 'personalized_video'] },
    ]);
  });

  it('never turns an empty selection into "all events"', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.click(screen.getByRole('checkbox', { name: 'avatar_video.success' }));
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).toHaveTextContent('Events removed: avatar_video.success');
    expect(summary).not.toHaveTextContent('All events');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tick at least one event');
    expect(screen.getByRole('group', { name: 'Events' })).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);
  });

  it('says "No events selected", never "All events", for an empty selection', async () => {
    store.splice(0, store.length, makeEndpoint({ events: [] }));
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.click(screen.getByRole('radio', { name: 'Selected events' }));
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).toHaveTextContent('Events: All events → No events selected');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tick at least one event');
    // Nothing is ticked, so every group is closed: focus goes to the first group's toggle.
    expect(screen.getByRole('button', { name: 'avatar_video 0 of 2 selected' })).toHaveFocus();
    expect(bodies).toEqual([]);
  });

  it('saves "All events" as an empty list only when chosen', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.click(screen.getByRole('radio', { name: /All events/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', events: [] }]);
  });

  it('puts a server field error next to its field and keeps what was typed', async () => {
    server.use(...readHandlers(store));
    recordPatches(() =>
      HttpResponse.json(
        {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'The request body is invalid',
            details: { field: 'url', reason: 'SSL level 2 or higher is required' },
          },
          request_id: 'req-1',
        },
        { status: 400 },
      ),
    );
    const { user, url } = await openEditor();

    await user.clear(url);
    await user.type(url, 'https://weak-tls.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('SSL level 2 or higher is required');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveValue('https://weak-tls.example.com/hook');
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('shows other failures in one banner with the request id, and keeps every edit', async () => {
    server.use(...readHandlers(store));
    recordPatches(() =>
      HttpResponse.json(
        { error: { code: 'PROCESSING_ERROR', message: 'Konpro failed' }, request_id: 'req-500' },
        { status: 500 },
      ),
    );
    const { user, url } = await openEditor();

    await user.clear(url);
    await user.type(url, 'https://kept.example.com/hook');
    await user.click(screen.getByRole('button', { name: /^video_translate/ }));
    await user.click(screen.getByRole('checkbox', { name: 'video_translate.fail' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Konpro failed');
    expect(banner).toHaveTextContent('req-500');
    expect(url).toHaveValue('https://kept.example.com/hook');
    expect(screen.getByRole('checkbox', { name: 'video_translate.fail' })).toBeChecked();
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('brings unsaved edits back after a remount, as after a reload', async () => {
    server.use(...readHandlers(store));
    const first = await openEditor();
    await first.user.clear(first.url);
    await first.user.type(first.url, 'https://draft.example.com/hook');
    first.view.unmount();

    await openEditor();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('https://draft.example.com/hook');
    expect(screen.getByText(/unsaved changes from earlier were restored/)).toBeVisible();
    expect(JSON.stringify(sessionStorage)).not.toContain('whsec_');
  });

  it('marks an endpoint with unsaved edits in the list', async () => {
    store.push(makeEndpoint({ endpoint_id: 'ep_2', url: 'https://second.example.com/hook' }));
    server.use(...readHandlers(store));
    const first = await openEditor();
    await first.user.clear(first.url);
    await first.user.type(first.url, 'https://draft.example.com/hook');
    first.view.unmount();

    renderEditor(null);
    const edited = await screen.findByRole('link', { name: 'https://hooks.example.com/konpro' });
    expect(edited).toHaveAccessibleDescription('Unsaved changes');
    const other = screen.getByRole('link', { name: 'https://second.example.com/hook' });
    expect(other).toHaveAccessibleDescription('');
    expect(screen.getAllByText('Unsaved changes')).toHaveLength(1);
  });

  it('offers, rather than applies, a draft made before the endpoint changed on the server', async () => {
    server.use(...readHandlers(store));
    const first = await openEditor();
    await first.user.clear(first.url);
    await first.user.type(first.url, 'https://draft.example.com/hook');
    first.view.unmount();

    server.use(...readHandlers([makeEndpoint({ url: 'https://colleague.example.com/hook' })]));
    const { user } = await openEditor();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('https://colleague.example.com/hook');
    await user.click(screen.getByRole('button', { name: /^Restore/ }));
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('https://draft.example.com/hook');
  });

  it('keeps what was typed while a save was on its way', async () => {
    server.use(...readHandlers(store));
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        await answered;
        return savedEcho(body);
      }),
    );
    const { user, url } = await openEditor();

    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('button', { name: 'Saving…' });
    await user.clear(url);
    await user.type(url, 'https://typed-meanwhile.example.com/hook');
    answer();

    await screen.findByRole('region', { name: 'What the server saved' });
    expect(url).toHaveValue('https://typed-meanwhile.example.com/hook');
    expect(screen.getByRole('checkbox', { name: 'personalized_video' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  });

  it('keeps the saved values after a save, never the old ones for a moment', async () => {
    server.use(...readHandlers(store));
    recordPatches(savedEcho);
    const dirty: boolean[] = [];
    const { user, queryClient } = renderEditor('ep_1', (value) => dirty.push(value));
    const url = await screen.findByLabelText('Endpoint URL');

    await user.clear(url);
    await user.type(url, 'https://new.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    expect(url).toHaveValue('https://new.example.com/hook');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    // Unsaved while typing, saved once: the list's refetch after the save is no edit to report.
    expect(dirty.slice(dirty.indexOf(true))).toEqual([true, false]);
    expect(sessionStorage.length).toBe(0); // and no draft of the old values is left behind
  });

  it('masks the secret again after the next save', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const saved = () => screen.findByRole('region', { name: 'What the server saved' });
    await user.click(within(await saved()).getByRole('button', { name: 'Reveal secret' }));
    expect(screen.getByText('whsec_test_secret_1234')).toBeVisible();

    await user.click(screen.getByRole('button', { name: /^video_translate/ }));
    await user.click(screen.getByRole('checkbox', { name: 'video_translate.fail' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    await within(await saved()).findByRole('button', { name: 'Reveal secret' });
    expect(screen.queryByText('whsec_test_secret_1234')).toBeNull();
  });

  it('filters the checklist and selects what a search shows', async () => {
    server.use(...readHandlers(store));
    const bodies = recordPatches(savedEcho);
    const { user } = await openEditor();

    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'translate');
    await waitFor(() =>
      expect(screen.queryByRole('checkbox', { name: 'avatar_video.fail' })).toBeNull(),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Select the 2 shown video_translate events' }),
    );
    expect(screen.getByRole('checkbox', { name: 'video_translate.success' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'video_translate.fail' })).toBeChecked();
    expect(screen.getByText('3 of 5 selected')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    expect(bodies).toEqual([
      {
        endpoint_id: 'ep_1',
        events: ['avatar_video.success', 'video_translate.success', 'video_translate.fail'],
      },
    ]);
  });

  it('forgets unsaved state when the editor is left by other means, such as Back', async () => {
    server.use(...readHandlers(store));
    const dirty: boolean[] = [];
    const { user, view, apiClient, queryClient } = renderEditor('ep_1', (value) =>
      dirty.push(value),
    );
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    expect(dirty.at(-1)).toBe(true);

    view.rerender(
      <EditorApp
        apiClient={apiClient}
        queryClient={queryClient}
        view={LIST_VIEW}
        onNavigate={() => undefined}
        onDirtyChange={(value) => dirty.push(value)}
      />,
    );
    await user.click(await screen.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    expect(dirty.at(-1)).toBe(false);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says so when the endpoint does not exist', async () => {
    server.use(...readHandlers(store));
    const { user, navigations } = renderEditor('ep_missing');
    expect(await screen.findByRole('heading', { name: 'Endpoint not found' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show all endpoints' }));
    expect(navigations).toEqual([null]);
  });
});
