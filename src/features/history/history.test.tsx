import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../contract/history';
import type { Endpoint } from '../../../contract/schemas';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';
import { historyLimit } from '../../api/endpoint-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let requestIds = 0;
function entry(changes: Partial<HistoryEntry> = {}): HistoryEntry {
  requestIds += 1;
  return {
    at: new Date(Date.now() - 2 * DAY).toISOString(),
    actor: 'ana@example.com',
    action: 'endpoint.update',
    request_id: `req_${requestIds}`,
    changes: {},
    ...changes,
  };
}

// jsdom has no modal dialogs: open and close are enough here (as in lifecycle.test.tsx).
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const store: Endpoint[] = [];
beforeEach(() => {
  store.splice(0, store.length, makeEndpoint());
});

/**
 * The server's history of ep_1, newest first, up to the `limit` asked for; the test may add to it
 * as the server would. Says which endpoint each read asked for, and `limits` how many entries.
 */
function serveHistory(entries: HistoryEntry[], { limits = [] as number[] } = {}) {
  const asked: string[] = [];
  server.use(...readHandlers(store));
  server.use(
    http.get(`${API}/endpoint.history`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query.get('endpoint_id') ?? '');
      const limit = Number(query.get('limit') ?? 500);
      limits.push(limit);
      return HttpResponse.json({ data: entries.slice(0, limit) });
    }),
  );
  return asked;
}

async function openHistory() {
  const app = renderEditor('ep_1');
  // The editor's chunk and its catalogue load first: a cold import takes seconds on a busy machine.
  const region = await screen.findByRole('region', { name: 'History' }, { timeout: 8000 });
  return { ...app, region };
}

const items = (region: HTMLElement) => within(region).queryAllByRole('listitem');

type ReactNode = { child: ReactNode | null; sibling: ReactNode | null; alternate: unknown };

/**
 * What React keeps in memory for an element of the page and everything rendered inside it: a node
 * per element, text and component (React's fibers), and `again` of them hold a second copy, kept
 * once a node has been rendered again. The History keeps 20 entries on screen for as long as the
 * editor is open; their cost is the heap's growth over the first saves of a page.
 */
function reactNodes(element: Element) {
  const key = Object.keys(element).find((name) => name.startsWith('__reactFiber$'));
  const top = key === undefined ? null : (element as unknown as Record<string, ReactNode>)[key];
  const counts = { nodes: 0, again: 0 };
  const walk = (node: ReactNode | null, siblings: boolean) => {
    for (let at = node; at !== null; at = siblings ? at.sibling : null) {
      counts.nodes += 1;
      if (at.alternate) counts.again += 1;
      walk(at.child, true);
    }
  };
  walk(top ?? null, false);
  return counts;
}

describe('the History region', () => {
  it('tells each kind of change in words: who, what and when, newest first', async () => {
    const asked = serveHistory([
      entry({ changes: { url: { from: 'https://a.example/h', to: 'https://b.example/h' } } }),
      entry({
        actor: 'Bo Lin',
        changes: { events_added: ['personalized_video'], events_removed: ['avatar_video.fail'] },
      }),
      entry({ changes: { events_added: ['avatar_video.success'], events_removed: ['all'] } }),
      entry({ changes: { events_added: ['all'], events_removed: ['avatar_video.success'] } }),
      entry({
        changes: { events_added: ['avatar_video.fail'], changed_elsewhere: true },
      }),
      entry({ changes: { changed_elsewhere: true } }),
      entry({ actor: 'local', action: 'endpoint.secret' }),
      entry({ action: 'endpoint.delete' }),
      entry({
        action: 'endpoint.add',
        changes: {
          url: { from: null, to: 'https://a.example/h' },
          events_added: ['avatar_video.success', 'avatar_video.fail'],
        },
      }),
    ]);
    const { region } = await openHistory();

    expect(within(region).getByRole('heading', { name: 'History' })).toBeVisible();
    await waitFor(() => expect(items(region)).toHaveLength(9));
    const sentences = items(region).map((item) => item.querySelector('p')?.textContent);
    expect(sentences).toEqual([
      'ana@example.com changed the URL from https://a.example/h to https://b.example/h',
      'Bo Lin added personalized_video and removed avatar_video.fail',
      'ana@example.com removed all events and added avatar_video.success',
      'ana@example.com subscribed to all events instead of avatar_video.success',
      'ana@example.com added avatar_video.fail (found it changed by someone else first)',
      'ana@example.com tried to save (found it changed by someone else first)',
      'Someone (no sign-in) revealed the signing secret',
      'ana@example.com deleted the endpoint',
      'ana@example.com created the endpoint at https://a.example/h with avatar_video.success and avatar_video.fail',
    ]);
    // URLs and event types stand apart from the words around them.
    const first = items(region)[0] as HTMLElement;
    expect(within(first).getByText('https://b.example/h').tagName).toBe('CODE');
    expect(asked).toEqual(['ep_1']);
  });

  it('says when in the reader’s formats, with how long ago for the last week', async () => {
    const recent = new Date(Date.now() - 3 * HOUR - 10 * 60_000);
    const old = new Date(Date.now() - 30 * DAY);
    serveHistory([
      entry({ at: recent.toISOString(), request_id: 'req_recent' }),
      entry({ at: old.toISOString(), request_id: 'req_old' }),
    ]);
    const { region } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(2));
    const [newer, older] = items(region) as [HTMLElement, HTMLElement];
    const format = new Intl.DateTimeFormat(navigator.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

    const recentTime = newer.querySelector('time');
    expect(recentTime).toHaveAttribute('datetime', recent.toISOString());
    expect(recentTime).toHaveTextContent(`3 hours ago (${format.format(recent)})`);
    expect(newer).toHaveTextContent('request id req_recent');

    const oldTime = older.querySelector('time');
    expect(oldTime).toHaveAttribute('datetime', old.toISOString());
    expect(oldTime?.textContent).toBe(format.format(old));
  });

  it('reads 20 entries (and one to know of more), then 20 more on each Show more, with focus on the first new one', async () => {
    const limits: number[] = [];
    serveHistory(
      Array.from({ length: 45 }, (_, n) =>
        entry({
          request_id: `req_page_${n}`,
          changes: { url: { from: `https://${n}.example/a`, to: `https://${n}.example/b` } },
        }),
      ),
      { limits },
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(20));
    expect(limits).toEqual([21]);

    const more = within(region).getByRole('button', { name: 'Show more' });
    await user.click(more);
    await waitFor(() => expect(items(region)[20]).toHaveFocus());
    expect(items(region)).toHaveLength(40);
    expect(items(region)[20]).toHaveTextContent('request id req_page_20');

    await user.click(within(region).getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(items(region)[40]).toHaveFocus());
    expect(items(region)).toHaveLength(45);
    expect(within(region).queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(limits).toEqual([21, 41, 61]);
  });

  it('keeps the entries and the focus on Show more while the next ones are read, and asks once', async () => {
    const entries = Array.from({ length: 30 }, (_, n) => entry({ request_id: `req_slow_${n}` }));
    const limits: number[] = [];
    let answer: (() => void) | undefined;
    server.use(...readHandlers(store));
    server.use(
      http.get(`${API}/endpoint.history`, async ({ request }) => {
        const limit = Number(new URL(request.url).searchParams.get('limit'));
        limits.push(limit);
        if (limit > 21) await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json({ data: entries.slice(0, limit) });
      }),
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(20));
    const before = items(region).map((item) => item.textContent);

    const more = within(region).getByRole('button', { name: 'Show more' });
    await user.click(more);
    await waitFor(() => expect(answer).toBeDefined());
    expect(within(region).getByRole('status')).toHaveTextContent('Loading history…');
    expect(more).toHaveAttribute('aria-disabled', 'true');
    expect(more).toHaveFocus();
    // The entries on screen stay as they were, with their times, while the next ones come.
    expect(items(region).map((item) => item.textContent)).toEqual(before);
    await user.click(more);
    expect(limits).toEqual([21, 41]);

    answer?.();
    await waitFor(() => expect(items(region)[20]).toHaveFocus());
    expect(items(region)).toHaveLength(30);
    expect(within(region).queryByRole('status')).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Show more' })).toBeNull();
    // What Show more read is shown, not read again.
    expect(limits).toEqual([21, 41]);
  });

  it('keeps the entries when Show more cannot read the next ones, says so, and tries again', async () => {
    const entries = Array.from({ length: 30 }, (_, n) => entry({ request_id: `req_fail_${n}` }));
    let failing = true;
    server.use(...readHandlers(store));
    server.use(
      http.get(`${API}/endpoint.history`, ({ request }) => {
        const limit = Number(new URL(request.url).searchParams.get('limit'));
        if (limit > 21 && failing) {
          return HttpResponse.json(
            { error: { code: 'INTERNAL_ERROR', message: 'store down' } },
            { status: 500 },
          );
        }
        return HttpResponse.json({ data: entries.slice(0, limit) });
      }),
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(20));
    const more = within(region).getByRole('button', { name: 'Show more' });
    await user.click(more);

    const failure = await within(region).findByRole('alert');
    expect(failure).toHaveTextContent('The history could not be loaded');
    expect(items(region)).toHaveLength(20);
    expect(more).toHaveFocus();
    expect(more).not.toHaveAttribute('aria-disabled');

    failing = false;
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(items(region)).toHaveLength(30));
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('moves the focus to the new entries only when the admin is still at Show more', async () => {
    const entries = Array.from({ length: 30 }, (_, n) => entry({ request_id: `req_away_${n}` }));
    let answer: (() => void) | undefined;
    server.use(...readHandlers(store));
    server.use(
      http.get(`${API}/endpoint.history`, async ({ request }) => {
        const limit = Number(new URL(request.url).searchParams.get('limit'));
        if (limit > 21) await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json({ data: entries.slice(0, limit) });
      }),
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(20));
    await user.click(within(region).getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(answer).toBeDefined());
    // Back to the form while the entries come.
    const url = screen.getByLabelText('Endpoint URL');
    url.focus();

    answer?.();
    await waitFor(() => expect(items(region)).toHaveLength(30));
    expect(url).toHaveFocus();
  });

  it('asks for at most the 500 entries the server keeps', () => {
    expect([20, 40, 479, 480, 499, 500].map(historyLimit)).toEqual([21, 41, 480, 481, 500, 500]);
  });

  it('says so when nothing was recorded yet', async () => {
    serveHistory([]);
    const { region } = await openHistory();
    expect(await within(region).findByText('No changes recorded yet')).toBeVisible();
    expect(within(region).queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('is left out, with no error, when the backend has no history route (404)', async () => {
    let asked = 0;
    server.use(...readHandlers(store));
    server.use(
      http.get(`${API}/endpoint.history`, () => {
        asked += 1;
        return HttpResponse.json(
          { error: { code: 'NOT_FOUND', message: 'No such API route' } },
          { status: 404 },
        );
      }),
    );
    renderEditor('ep_1');
    // It shows that it is loading, then leaves once the backend says it has no history.
    expect(await screen.findByRole('region', { name: 'History' })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'History' })).toBeNull());
    expect(asked).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete endpoint' })).toBeVisible();
  });

  it('shows a failure to load in the banner, with the request id', async () => {
    server.use(...readHandlers(store));
    server.use(
      http.get(`${API}/endpoint.history`, () =>
        HttpResponse.json(
          { error: { code: 'INTERNAL_ERROR', message: 'The store is unavailable' } },
          { status: 500, headers: { 'x-request-id': 'req_history_500' } },
        ),
      ),
    );
    const { region } = await openHistory();
    const banner = await within(region).findByRole('alert');
    expect(banner).toHaveTextContent('The history could not be loaded');
    expect(banner).toHaveTextContent('Request id: req_history_500');
    expect(within(banner).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});

describe('the History after a change made on this page', () => {
  it('shows a save once the server has recorded it', async () => {
    const history = [entry({ action: 'endpoint.add' })];
    serveHistory(history);
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Partial<Endpoint>;
        store[0] = { ...(store[0] as Endpoint), ...body };
        history.unshift(
          entry({
            at: new Date().toISOString(),
            changes: { url: { from: 'https://hooks.example.com/konpro', to: body.url ?? '' } },
          }),
        );
        return HttpResponse.json(store[0]);
      }),
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(1));

    const url = screen.getByLabelText('Endpoint URL');
    await user.clear(url);
    await user.type(url, 'https://new.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');

    await waitFor(() => expect(items(region)).toHaveLength(2));
    expect(items(region)[0]).toHaveTextContent(
      'ana@example.com changed the URL from https://hooks.example.com/konpro to https://new.example.com/hook',
    );
  });

  it('keeps each entry to a few React nodes, and renders no entry it showed before again', async () => {
    const history = [entry({ action: 'endpoint.add', changes: { url: { from: null, to: 'a' } } })];
    serveHistory(history);
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Partial<Endpoint>;
        const from = (store[0] as Endpoint).url;
        store[0] = { ...(store[0] as Endpoint), ...body };
        history.unshift(entry({ changes: { url: { from, to: body.url ?? '' } } }));
        return HttpResponse.json(store[0]);
      }),
    );
    const { region, user } = await openHistory();
    await waitFor(() => expect(items(region)).toHaveLength(1));

    const url = screen.getByLabelText('Endpoint URL');
    for (const [saves, address] of [
      [2, 'https://one.example.com/hook'],
      [3, 'https://two.example.com/hook'],
    ] as const) {
      await user.clear(url);
      await user.type(url, address);
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(items(region)).toHaveLength(saves));
    }

    expect(items(region)[0]).toHaveTextContent(
      'ana@example.com changed the URL from https://one.example.com/hook to https://two.example.com/hook',
    );
    // An entry of two lines: the list item, its two paragraphs, and the text and names in them.
    for (const item of items(region)) expect(reactNodes(item).nodes).toBeLessThanOrEqual(12);
    // Each save read the history again; the entries shown before were left as they were.
    expect(items(region).map((item) => reactNodes(item).again)).toEqual([0, 0, 0]);
  });

  it('shows a secret reveal once the server has recorded it', async () => {
    const history: HistoryEntry[] = [];
    serveHistory(history);
    server.use(
      http.get(`${API}/endpoint.secret`, () => {
        history.unshift(entry({ action: 'endpoint.secret', at: new Date().toISOString() }));
        return HttpResponse.json({ endpoint_id: 'ep_1', secret: 'whsec_revealed_1' });
      }),
    );
    const { region, user } = await openHistory();
    expect(await within(region).findByText('No changes recorded yet')).toBeVisible();

    const secret = screen.getByRole('region', { name: 'Signing secret' });
    await user.click(within(secret).getByRole('button', { name: 'Reveal secret' }));

    expect(
      await within(region).findByText(
        (_, node) => node?.textContent === 'ana@example.com revealed the signing secret',
      ),
    ).toBeVisible();
  });

  it('reads the history again after a delete', async () => {
    const asked = serveHistory([]);
    server.use(
      http.delete(`${API}/endpoint.delete`, () => {
        store.splice(0, 1);
        return HttpResponse.json({ endpoint_id: 'ep_1', status: 'deleted' });
      }),
    );
    const { region, user, navigations } = await openHistory();
    expect(await within(region).findByText('No changes recorded yet')).toBeVisible();
    expect(asked).toEqual(['ep_1']);

    await user.click(screen.getByRole('button', { name: 'Delete endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this endpoint?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    // This host stays on the endpoint's view, so its history is still on screen and read again.
    await waitFor(() => expect(navigations).toEqual([null]));
    await waitFor(() => expect(asked).toEqual(['ep_1', 'ep_1']));
  });
});
