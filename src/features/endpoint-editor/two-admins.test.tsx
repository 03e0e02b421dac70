// Two admins on one endpoint: the other admin's saves are simulated by changing the server's
// store between loading the form and saving it, as a second tab would.
import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../contract/schemas';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';

const THEIR_URL = 'https://theirs.example.com/hook';
const MY_URL = 'https://mine.example.com/hook';

const store: Endpoint[] = [];
let patches: Record<string, unknown>[] = [];
let reads = 0;

// The editor's chunk is loaded on demand; load (and transform) it once, outside any test's time.
beforeAll(() => import('../../app/endpoint-editor'), 30_000);

beforeEach(() => {
  store.splice(
    0,
    store.length,
    makeEndpoint({ events: ['avatar_video.success', 'avatar_video.fail'] }),
  );
  patches = [];
  reads = 0;
  // Handlers given first take precedence: this one counts the reads of the list.
  server.use(
    http.get(`${API}/endpoint.list`, () => {
      reads += 1;
      return HttpResponse.json({ data: store });
    }),
    ...readHandlers(store),
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push(body);
      const saved = { ...store[0], ...body } as Endpoint;
      store[0] = saved;
      return HttpResponse.json(saved);
    }),
  );
});
afterEach(() => focusManager.setFocused(undefined));

/** The other admin's save, straight into the server's store. */
function savedElsewhere(change: Partial<Endpoint>) {
  store[0] = { ...(store[0] as Endpoint), ...change };
}

async function openEditor() {
  const app = renderEditor('ep_1');
  const url = await screen.findByLabelText('Endpoint URL', {}, { timeout: 3000 });
  return { ...app, url };
}

const box = (name: string) => screen.getByRole('checkbox', { name });
const save = () => screen.getByRole('button', { name: 'Save changes' });

describe('two admins saving the same endpoint', () => {
  it('keeps a box ticked elsewhere when a box is unticked here, and says so', async () => {
    const { user } = await openEditor();
    savedElsewhere({ events: ['avatar_video.success', 'avatar_video.fail', 'personalized_video'] });

    await user.click(box('avatar_video.fail'));
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).toHaveTextContent('Events removed: avatar_video.fail');
    await user.click(save());

    await screen.findByText('Saved');
    expect(patches).toEqual([
      { endpoint_id: 'ep_1', events: ['avatar_video.success', 'personalized_video'] },
    ]);
    const panel = screen.getByRole('region', { name: 'What the server saved' });
    expect(panel).toHaveTextContent('personalized_video');
    expect(panel).not.toHaveTextContent('avatar_video.fail');
    const note = screen.getByText(/saved elsewhere in the meantime were kept/).parentElement;
    expect(note).toHaveTextContent('Events added: personalized_video');
    expect(box('personalized_video')).toBeChecked();
    expect(save()).toBeDisabled();
  });

  it('sends no URL when only the other admin changed it', async () => {
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });

    await user.click(box('personalized_video'));
    await user.click(save());

    await screen.findByText('Saved');
    expect(patches).toEqual([
      {
        endpoint_id: 'ep_1',
        events: ['avatar_video.success', 'avatar_video.fail', 'personalized_video'],
      },
    ]);
    expect(store[0]?.url).toBe(THEIR_URL);
    expect(url).toHaveValue(THEIR_URL);
  });

  it('saves nothing when both changed the URL, and lets me overwrite theirs', async () => {
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });

    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(THEIR_URL);
    expect(alert).toHaveTextContent(MY_URL);
    expect(alert).toHaveFocus();
    expect(patches).toEqual([]);
    expect(screen.queryByText('Saved')).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Overwrite with mine' }));
    await screen.findByText('Saved');
    expect(patches).toEqual([{ endpoint_id: 'ep_1', url: MY_URL }]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(url).toHaveValue(MY_URL);
  });

  it('makes Keep theirs the primary choice, and says whose change Overwrite discards', async () => {
    server.use(
      http.get(`${API}/endpoint.history`, () =>
        HttpResponse.json({
          data: [
            {
              at: '2026-12-07T08:00:00Z',
              actor: 'bea@example.com',
              action: 'endpoint.update',
              request_id: 'req_b',
              changes: { url: { from: 'https://hooks.example.com/konpro', to: THEIR_URL } },
            },
          ],
        }),
      ),
    );
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });
    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(save());

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'bea@example.com changed this endpoint while you were editing',
      ),
    );
    expect(alert).toHaveTextContent('Overwrite with mine discards bea@example.com’s URL.');
    const buttons = within(alert).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Keep theirs',
      'Overwrite with mine',
    ]);
    expect(buttons[0]).toHaveClass('kwe-primary');
    expect(buttons[1]).not.toHaveClass('kwe-primary');
  });

  it('names nobody when the history does not say who changed it', async () => {
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });
    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this endpoint while you were editing');
    expect(alert).toHaveTextContent('Overwrite with mine discards their URL.');
  });

  it('takes their URL on Keep theirs, and keeps my other edits', async () => {
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });

    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(box('personalized_video'));
    await user.click(save());
    await user.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Keep theirs' }),
    );

    expect(url).toHaveValue(THEIR_URL);
    expect(url).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box('personalized_video')).toBeChecked();
    // Said in words: the choice saved nothing, and my other edit still waits.
    expect(screen.getByText('Kept theirs. Your other edits are still unsaved.')).toHaveAttribute(
      'role',
      'status',
    );
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).not.toHaveTextContent('URL');
    expect(summary).toHaveTextContent('Events added: personalized_video');
    expect(patches).toEqual([]);

    await user.click(save());
    await screen.findByText('Saved');
    expect(screen.queryByText(/Kept theirs/)).toBeNull();
    expect(patches).toEqual([
      {
        endpoint_id: 'ep_1',
        events: ['avatar_video.success', 'avatar_video.fail', 'personalized_video'],
      },
    ]);
  });

  it('asks, rather than subscribing to all events, when together we untick everything', async () => {
    const { user } = await openEditor();
    savedElsewhere({ events: ['avatar_video.success'] });

    await user.click(box('avatar_video.success'));
    await user.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('would leave no event selected');
    expect(alert).not.toHaveTextContent('Their events: All events');
    expect(patches).toEqual([]);

    await user.click(within(alert).getByRole('button', { name: 'Keep theirs' }));
    expect(box('avatar_video.success')).toBeChecked();
    expect(box('avatar_video.fail')).not.toBeChecked();
    expect(save()).toBeDisabled();
    expect(screen.getByText('Kept theirs.')).toHaveAttribute('role', 'status');
    expect(patches).toEqual([]);
  });

  it('asks when all events were chosen elsewhere and I edited the selection', async () => {
    const { user } = await openEditor();
    savedElsewhere({ events: [] });

    await user.click(box('personalized_video'));
    await user.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('All events was chosen elsewhere');
    await user.click(within(alert).getByRole('button', { name: 'Overwrite with mine' }));
    await screen.findByText('Saved');
    expect(patches).toEqual([
      {
        endpoint_id: 'ep_1',
        events: ['avatar_video.success', 'avatar_video.fail', 'personalized_video'],
      },
    ]);
  });

  it('decides again when another write reached the server between the read and the write', async () => {
    let refused = 0;
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push(body);
        if (refused === 0) {
          // The server's version check, inside its queue: someone else's write came first.
          refused += 1;
          savedElsewhere({
            events: ['avatar_video.success', 'avatar_video.fail', 'batch.finished'],
          });
          return HttpResponse.json({ error: { code: 'PRECONDITION_FAILED' } }, { status: 412 });
        }
        const saved = { ...store[0], ...body } as Endpoint;
        store[0] = saved;
        return HttpResponse.json(saved);
      }),
    );
    const { user } = await openEditor();
    await user.click(box('avatar_video.fail'));
    await user.click(save());

    await screen.findByText('Saved');
    expect(patches).toEqual([
      { endpoint_id: 'ep_1', events: ['avatar_video.success'] },
      { endpoint_id: 'ep_1', events: ['avatar_video.success', 'batch.finished'] },
    ]);
    const note = screen.getByText(/saved elsewhere in the meantime were kept/).parentElement;
    expect(note).toHaveTextContent('Events added: batch.finished');
  });

  it('gives up, sending nothing more, when every write finds the endpoint changed', async () => {
    server.use(
      http.patch(`${API}/endpoint.update`, () =>
        HttpResponse.json({ error: { code: 'PRECONDITION_FAILED' } }, { status: 412 }),
      ),
    );
    const { user } = await openEditor();
    await user.click(box('personalized_video'));
    await user.click(save());

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('This endpoint keeps changing elsewhere');
    expect(within(banner).getByRole('button', { name: 'Reload endpoint' })).toBeVisible();
    expect(reads).toBe(4); // the first load, then one read before each of three writes
  });

  it('asks again when theirs changed once more before I overwrote it', async () => {
    const { user, url } = await openEditor();
    savedElsewhere({ url: THEIR_URL });
    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(save());
    const first = await screen.findByRole('alert');

    savedElsewhere({ url: 'https://theirs-again.example.com/hook' });
    await user.click(within(first).getByRole('button', { name: 'Overwrite with mine' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('theirs-again.example.com');
    expect(patches).toEqual([]);
  });
});

describe('a draft from before a change made elsewhere', () => {
  it('keeps, once restored, what was saved elsewhere since', async () => {
    const first = await openEditor();
    await first.user.click(box('personalized_video'));
    first.view.unmount();
    savedElsewhere({ events: ['avatar_video.success', 'avatar_video.fail', 'batch.finished'] });

    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Restore unsaved changes' }));
    await user.click(save());

    await screen.findByText('Saved');
    expect(patches).toEqual([
      {
        endpoint_id: 'ep_1',
        events: [
          'avatar_video.success',
          'avatar_video.fail',
          'batch.finished',
          'personalized_video',
        ],
      },
    ]);
  });
});

describe('changes made elsewhere while the editor is open', () => {
  it('shows a quiet notice on refocus, and leaves what I typed alone', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, MY_URL);
    const readsBefore = reads;
    savedElsewhere({ events: ['avatar_video.success'], status: 'disabled' });

    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });

    const notice = await screen.findByText('This endpoint changed on the server:');
    const region = notice.parentElement as HTMLElement;
    expect(reads).toBe(readsBefore + 1);
    expect(region).toHaveTextContent('Events removed: avatar_video.fail');
    expect(region).toHaveTextContent('Status: enabled → disabled');
    expect(region).toHaveTextContent('Your edits are kept');
    expect(url).toHaveValue(MY_URL);
    // The events, which I had not touched, show the server's choice. The form takes it in the
    // commit after the notice's (an effect resets the untouched fields): on a busy machine the
    // two are far enough apart to see.
    await waitFor(() => expect(box('avatar_video.fail')).not.toBeChecked());
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).toHaveTextContent(`URL: https://hooks.example.com/konpro → ${MY_URL}`);
    expect(summary).not.toHaveTextContent('Events');

    await user.click(within(region).getByRole('button', { name: 'Got it' }));
    expect(screen.queryByText('This endpoint changed on the server:')).toBeNull();
  });

  it('keeps my ticks, and shows theirs on the boxes I did not touch', async () => {
    const { user, queryClient } = await openEditor();
    await user.click(box('personalized_video'));
    savedElsewhere({ events: ['avatar_video.success', 'video_translate.fail'] });
    await act(() => queryClient.refetchQueries());

    await screen.findByText('This endpoint changed on the server:');
    expect(box('personalized_video')).toBeChecked();
    await waitFor(() => expect(box('avatar_video.fail')).not.toBeChecked());
    // Groups without a selection start collapsed; open them to see every box.
    await user.click(screen.getByRole('button', { name: 'Expand all groups' }));
    expect(box('video_translate.fail')).toBeChecked();
    const summary = screen.getByRole('region', { name: 'Changes to save' });
    expect(summary).toHaveTextContent('Events added: personalized_video');
    expect(summary).not.toHaveTextContent('removed');

    await user.click(save());
    await screen.findByText('Saved');
    expect(patches).toEqual([
      {
        endpoint_id: 'ep_1',
        events: ['avatar_video.success', 'video_translate.fail', 'personalized_video'],
      },
    ]);
  });

  it('leaves my events alone when they conflict with the server’s', async () => {
    const { user, queryClient } = await openEditor();
    await user.click(box('avatar_video.fail'));
    savedElsewhere({ events: ['avatar_video.fail'] });
    await act(() => queryClient.refetchQueries());

    expect(await screen.findByText(/saving asks which to keep/)).toBeVisible();
    expect(box('avatar_video.success')).toBeChecked();
    expect(box('avatar_video.fail')).not.toBeChecked();
    expect(screen.getByText(/The events also changed elsewhere/)).toBeVisible();
  });

  it('has the saved panel follow a change read after the save, as the form does', async () => {
    const { user, queryClient } = await openEditor();
    await user.click(box('personalized_video'));
    await user.click(save());
    await screen.findByText('Saved');
    const panel = screen.getByRole('region', { name: 'What the server saved' });
    expect(panel).toHaveTextContent('avatar_video.fail');

    savedElsewhere({ events: ['avatar_video.success', 'personalized_video'] });
    await act(() => queryClient.refetchQueries());

    const notice = (await screen.findByText('This endpoint changed on the server:'))
      .parentElement as HTMLElement;
    expect(notice).toHaveTextContent('Events removed: avatar_video.fail');
    await waitFor(() => expect(box('avatar_video.fail')).not.toBeChecked());
    expect(panel).not.toHaveTextContent('avatar_video.fail');
    expect(panel).toHaveTextContent('personalized_video');
  });

  it('lets an untouched form follow the server', async () => {
    const { queryClient } = await openEditor();
    savedElsewhere({ url: THEIR_URL });
    await act(() => queryClient.refetchQueries());
    expect(await screen.findByText('The form shows the new values.')).toBeVisible();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue(THEIR_URL);
    expect(save()).toBeDisabled();
  });

  it('keeps the form and my edits when the endpoint is deleted elsewhere', async () => {
    const { user, url, queryClient } = await openEditor();
    await user.clear(url);
    await user.type(url, MY_URL);
    store.splice(0, 1);
    await act(() => queryClient.refetchQueries());
    expect(await screen.findByText('This endpoint no longer exists on the server')).toBeVisible();
    expect(url).toHaveValue(MY_URL);
    expect(save()).toBeDisabled();
  });
});

describe('an endpoint deleted elsewhere', () => {
  it('is found by the save’s own read: nothing is sent, and it is said once', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, MY_URL);
    store.splice(0, 1);
    await user.click(save());

    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('This endpoint no longer exists');
    expect(
      within(alerts[0] as HTMLElement).getByRole('button', { name: 'Show all endpoints' }),
    ).toBeVisible();
    expect(patches).toEqual([]);
    expect(url).toHaveValue(MY_URL);
  });
});

describe('after a failed save', () => {
  it('removes the panel of an earlier success', async () => {
    const { user } = await openEditor();
    await user.click(box('personalized_video'));
    await user.click(save());
    expect(await screen.findByRole('region', { name: 'What the server saved' })).toBeVisible();

    server.use(
      http.patch(`${API}/endpoint.update`, () =>
        HttpResponse.json(
          { error: { code: 'PROCESSING_ERROR', message: 'Boom' } },
          { status: 500 },
        ),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Expand all groups' }));
    await user.click(box('video_translate.fail'));
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Konpro failed');
    expect(screen.queryByRole('region', { name: 'What the server saved' })).toBeNull();
  });

  it('offers Reload endpoint where it advises a reload, and keeps the draft', async () => {
    const { user, url } = await openEditor();
    server.use(
      http.patch(`${API}/endpoint.update`, () =>
        HttpResponse.json(
          { error: { code: 'UPSTREAM_TIMEOUT', message: 'Slow' } },
          { status: 504 },
        ),
      ),
    );
    await user.clear(url);
    await user.type(url, MY_URL);
    await user.click(save());
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('reload this endpoint to check');

    const readsBefore = reads;
    await user.click(within(banner).getByRole('button', { name: 'Reload endpoint' }));
    const reloaded = await screen.findByText(/Reloaded: nothing changed on the server/);
    expect(reloaded.parentElement).toHaveFocus();
    expect(reads).toBe(readsBefore + 1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(url).toHaveValue(MY_URL);
    expect(save()).toBeEnabled();
  });

  it('says nothing was sent when the read before the write failed', async () => {
    const { user } = await openEditor();
    server.use(
      http.get(`${API}/endpoint.list`, () =>
        HttpResponse.json(
          { error: { code: 'UPSTREAM_TIMEOUT', message: 'Slow' } },
          { status: 504 },
        ),
      ),
    );
    await user.click(box('personalized_video'));
    await user.click(save());
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Nothing was sent');
    expect(within(banner).queryByRole('button', { name: 'Reload endpoint' })).toBeNull();
    expect(patches).toEqual([]);
    expect(box('personalized_video')).toBeChecked();
  });
});
