import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { HttpResponse, delay, http } from 'msw';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/api-client';
import type { Endpoint } from '../../contract/schemas';
import { EditorApp, type EditorAppProps } from './editor-app';
import { ADD_VIEW, LIST_VIEW, type View, endpointView } from './view';
import { API, makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { renderEditor } from '../test/render-app';

// jsdom has no modal dialogs: open and close are enough here (focus trapping is a browser's).
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

afterEach(() => vi.restoreAllMocks());

const store: Endpoint[] = [];
beforeEach(() => {
  store.splice(0, store.length, makeEndpoint());
});

const NEW_DRAFT_KEY = 'konpro-webhook-editor:new-endpoint';

type FlowProps = Omit<EditorAppProps, 'view' | 'onNavigate' | 'apiClient' | 'queryClient'> & {
  opening: View;
  onNavigate: (view: View) => void;
};

const queryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

/** The app as a host holds it: every navigation becomes the view shown. */
function Flow({ opening, onNavigate, ...props }: FlowProps) {
  const [view, setView] = useState(opening);
  const [client] = useState(queryClient);
  const [apiClient] = useState(() =>
    createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 }),
  );
  return (
    <EditorApp
      {...props}
      apiClient={apiClient}
      queryClient={client}
      view={view}
      onNavigate={(to) => {
        onNavigate(to);
        setView(to);
      }}
    />
  );
}

function renderFlow(opening: View, props: Partial<FlowProps> = {}) {
  const views: View[] = [];
  const user = userEvent.setup();
  render(<Flow opening={opening} onNavigate={(to) => views.push(to)} {...props} />);
  return { user, views };
}

function many(count: number): Endpoint[] {
  return Array.from({ length: count }, (_, n) =>
    makeEndpoint({
      endpoint_id: `ep_${String(n).padStart(3, '0')}`,
      url: `https://host${String(n).padStart(3, '0')}.example.com/hook`,
    }),
  );
}

const dataRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const rowLinks = () => dataRows().map((row) => within(row).getByRole('link').textContent);

describe('the list', () => {
  beforeEach(() => {
    store.splice(
      0,
      store.length,
      makeEndpoint({
        endpoint_id: 'ep_orders',
        url: 'https://prod.example.com/orders',
        created_at: '2024-03-01T00:00:00Z',
      }),
      makeEndpoint({
        endpoint_id: 'ep_billing',
        url: 'https://staging.example.com/billing',
        status: 'disabled',
        created_at: '2024-01-01T00:00:00Z',
      }),
      makeEndpoint({
        endpoint_id: 'ep_audit',
        url: 'https://audit.example.org/in',
        created_at: '2024-02-01T00:00:00Z',
      }),
    );
    server.use(...readHandlers(store));
  });

  it('searches by URL and says how many match', async () => {
    const { user } = renderEditor(LIST_VIEW);
    await screen.findByRole('link', { name: 'https://prod.example.com/orders' });
    expect(screen.getByText('3 endpoints')).toBeVisible();

    await user.type(screen.getByRole('searchbox', { name: 'Search endpoints' }), 'example.com');
    await waitFor(() =>
      expect(rowLinks()).toEqual([
        'https://prod.example.com/orders',
        'https://staging.example.com/billing',
      ]),
    );
    expect(screen.getByText('2 of 3 endpoints match')).toBeVisible();
  });

  it('searches by ID', async () => {
    const { user } = renderEditor(LIST_VIEW);
    const search = await screen.findByRole('searchbox', { name: 'Search endpoints' });
    await user.type(search, 'EP_AUDIT');
    await waitFor(() => expect(rowLinks()).toEqual(['https://audit.example.org/in']));
    expect(screen.getByText('1 of 3 endpoints match')).toBeVisible();
  });

  it('offers to clear the search and filter when nothing matches', async () => {
    const { user } = renderEditor(LIST_VIEW);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status' }), 'disabled');
    const search = screen.getByRole('searchbox', { name: 'Search endpoints' });
    await user.type(search, 'prod');
    expect(await screen.findByText('No endpoint matches this search.')).toBeVisible();
    expect(screen.getByText('0 of 3 endpoints match')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear search and filter' }));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(search).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
    expect(screen.getByText('3 endpoints')).toBeVisible();
  });

  it('filters by status', async () => {
    const { user } = renderEditor(LIST_VIEW);
    const status = await screen.findByRole('combobox', { name: 'Status' });
    expect(
      within(status)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All statuses', 'Enabled', 'Disabled']);
    await user.selectOptions(status, 'disabled');
    await waitFor(() => expect(rowLinks()).toEqual(['https://staging.example.com/billing']));
    expect(screen.getByText('1 of 3 endpoints match')).toBeVisible();

    await user.selectOptions(status, 'enabled');
    await waitFor(() =>
      expect(rowLinks()).toEqual([
        'https://audit.example.org/in',
        'https://prod.example.com/orders',
      ]),
    );
  });

  it('sorts by the order chosen', async () => {
    const { user } = renderEditor(LIST_VIEW);
    const sort = await screen.findByRole('combobox', { name: 'Sort by' });
    expect(rowLinks()).toEqual([
      'https://audit.example.org/in',
      'https://prod.example.com/orders',
      'https://staging.example.com/billing',
    ]);

    await user.selectOptions(sort, 'newest');
    await waitFor(() =>
      expect(rowLinks()).toEqual([
        'https://prod.example.com/orders',
        'https://audit.example.org/in',
        'https://staging.example.com/billing',
      ]),
    );
    await user.selectOptions(sort, 'oldest');
    await waitFor(() =>
      expect(rowLinks()).toEqual([
        'https://staging.example.com/billing',
        'https://audit.example.org/in',
        'https://prod.example.com/orders',
      ]),
    );
    await user.selectOptions(sort, 'status');
    await waitFor(() => expect(rowLinks().at(-1)).toBe('https://staging.example.com/billing'));
  });

  it('sorts by a column when its heading is pressed, and says how it is sorted', async () => {
    const { user } = renderEditor(LIST_VIEW);
    await screen.findByRole('combobox', { name: 'Sort by' });
    const heading = (name: string) => screen.getByRole('columnheader', { name });
    expect(heading('URL')).toHaveAttribute('aria-sort', 'ascending');
    expect(heading('Created')).not.toHaveAttribute('aria-sort');
    expect(within(heading('Events')).queryByRole('button')).toBeNull();

    await user.click(within(heading('Created')).getByRole('button', { name: 'Created' }));
    await waitFor(() => expect(rowLinks()[0]).toBe('https://prod.example.com/orders'));
    expect(heading('Created')).toHaveAttribute('aria-sort', 'descending');
    expect(heading('URL')).not.toHaveAttribute('aria-sort');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');

    await user.click(within(heading('Created')).getByRole('button', { name: 'Created' }));
    await waitFor(() => expect(rowLinks()[0]).toBe('https://staging.example.com/billing'));
    expect(heading('Created')).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(heading('Status')).getByRole('button', { name: 'Status' }));
    await waitFor(() => expect(rowLinks().at(-1)).toBe('https://staging.example.com/billing'));
    expect(heading('Status')).toHaveAttribute('aria-sort', 'other');
  });

  it('copies an endpoint ID with a button that names it', async () => {
    const { user } = renderEditor(LIST_VIEW);
    await user.click(await screen.findByRole('button', { name: 'Copy ID ep_billing' }));
    expect(await navigator.clipboard.readText()).toBe('ep_billing');
    expect(await screen.findByRole('button', { name: 'Copied ID ep_billing' })).toHaveTextContent(
      'Copied',
    );
    expect(screen.getByRole('button', { name: 'Copy ID ep_orders' })).toBeVisible();
  });

  it('shows how an international address reads beside its exact form, never a look-alike', async () => {
    store.push(
      makeEndpoint({ endpoint_id: 'ep_books', url: 'https://xn--bcher-kva.example/b%C3%BCcher' }),
      makeEndpoint({ endpoint_id: 'ep_lookalike', url: 'https://xn--pple-43d.com/hook' }),
    );
    renderEditor(LIST_VIEW);
    const books = await screen.findByRole('link', {
      name: 'https://xn--bcher-kva.example/b%C3%BCcher',
    });
    // The readable-address code comes with the editor's chunk, which the list loads once idle.
    await waitFor(() =>
      expect(books.closest('td')).toHaveTextContent('(reads as https://bücher.example/bücher)'),
    );
    const lookalike = screen.getByRole('link', { name: 'https://xn--pple-43d.com/hook' });
    expect(lookalike.closest('td')).not.toHaveTextContent('reads as');
  });

  it('keeps its search after a visit to an endpoint', async () => {
    const { user, views } = renderFlow(LIST_VIEW);
    await user.type(await screen.findByRole('searchbox', { name: 'Search endpoints' }), 'audit');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    await user.click(screen.getByRole('link', { name: 'https://audit.example.org/in' }));
    await user.click(await screen.findByRole('link', { name: '← All endpoints' }));
    expect(views).toEqual([endpointView('ep_audit'), LIST_VIEW]);
    expect(await screen.findByRole('searchbox', { name: 'Search endpoints' })).toHaveValue('audit');
    expect(dataRows()).toHaveLength(1);
  });

  it('opens the add form from the Add endpoint link', async () => {
    const { user, navigations } = renderEditor(LIST_VIEW);
    const add = await screen.findByRole('link', { name: 'Add endpoint' });
    expect(add).toHaveAttribute('href', '?new');
    await user.click(add);
    expect(navigations).toEqual(['add']);
  });

  it('draws the first 100 rows of a long list, and more on demand', async () => {
    store.splice(0, store.length, ...many(230));
    const { user } = renderEditor(LIST_VIEW);
    await screen.findByRole('link', { name: 'https://host000.example.com/hook' });
    expect(dataRows()).toHaveLength(100);
    expect(screen.getByText('230 endpoints')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'https://host100.example.com/hook' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(dataRows()).toHaveLength(200);
    expect(screen.getByRole('link', { name: 'https://host199.example.com/hook' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(dataRows()).toHaveLength(230);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('searches all of a long list, not only the rows drawn', async () => {
    store.splice(0, store.length, ...many(230));
    const { user } = renderEditor(LIST_VIEW);
    const search = await screen.findByRole('searchbox', { name: 'Search endpoints' });
    await user.type(search, 'host229');
    await waitFor(() => expect(rowLinks()).toEqual(['https://host229.example.com/hook']));
    expect(screen.getByText('1 of 230 endpoints match')).toBeVisible();
  });
});

describe('an empty list', () => {
  it('says so and offers one way to add the first endpoint', async () => {
    server.use(...readHandlers([]));
    const { user, navigations } = renderEditor(LIST_VIEW);
    expect(await screen.findByText('This account has no webhook endpoints yet.')).toBeVisible();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryAllByRole('button', { name: /add/i })).toHaveLength(0);
    expect(screen.getAllByRole('link', { name: /add/i })).toHaveLength(1);
    await user.click(screen.getByRole('link', { name: 'Add endpoint' }));
    expect(navigations).toEqual(['add']);
  });

  it('offers nothing to add when the host switched adding off', async () => {
    server.use(...readHandlers([]));
    renderFlow(LIST_VIEW, { features: { create: false, delete: true } });
    expect(await screen.findByText('This account has no webhook endpoints yet.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /add/i })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add endpoint' })).toBeNull();
  });
});

const newEndpoint = (body: { url: string; events: string[] | null }) =>
  makeEndpoint({
    endpoint_id: 'ep_new',
    url: body.url,
    events: body.events ?? [],
    secret: 'whsec_new_secret_5678',
    created_at: '2025-06-01T12:00:00Z',
  });

type AddBody = { url: string; events: string[] | null };

/** Creates like Konpro, after a moment, and records every request. */
function recordAdds(respond?: (body: AddBody) => Response | Promise<Response>) {
  const bodies: AddBody[] = [];
  server.use(
    http.post(`${API}/endpoint.add`, async ({ request }) => {
      const body = (await request.json()) as AddBody;
      bodies.push(body);
      await delay(150);
      if (respond) return respond(body);
      const created = newEndpoint(body);
      store.push(created);
      return HttpResponse.json(created);
    }),
  );
  return bodies;
}

async function openAddForm() {
  const app = renderEditor(ADD_VIEW);
  const url = await screen.findByLabelText('Endpoint URL');
  return { ...app, url };
}

async function tick(user: UserEvent, event: string) {
  const group = event.split('.')[0] ?? event;
  if (screen.queryByRole('checkbox', { name: event }) === null) {
    await user.click(screen.getByRole('button', { name: new RegExp(`^${group}`) }));
  }
  await user.click(screen.getByRole('checkbox', { name: event }));
}

describe('the add form', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('has a URL field, an event choice and a Create button, with nothing chosen', async () => {
    const { url } = await openAddForm();
    expect(screen.getByRole('heading', { name: 'Add endpoint' })).toBeVisible();
    expect(url).toHaveValue('');
    expect(screen.getByRole('group', { name: 'Events' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Selected events' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /All events/ })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Create endpoint' })).toBeEnabled();
  });

  it('sends nothing without an event chosen', async () => {
    const bodies = recordAdds();
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/new');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tick at least one event');
    expect(screen.getByRole('group', { name: 'Events' })).toHaveAttribute('aria-invalid', 'true');
    await delay(200);
    expect(bodies).toEqual([]);
    expect(navigations).toEqual([]);
  });

  it('sends nothing for a URL that is not https', async () => {
    const bodies = recordAdds();
    const { user, url } = await openAddForm();
    await user.type(url, 'http://hooks.example.com/new');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByText('The URL must start with https://')).toBeVisible();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);
  });

  it('sends one request however often Create is pressed, then opens the new endpoint', async () => {
    const bodies = recordAdds();
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://Hooks.Example.com');
    await tick(user, 'personalized_video');
    await tick(user, 'avatar_video.fail');

    const create = screen.getByRole('button', { name: 'Create endpoint' });
    fireEvent.click(create);
    fireEvent.click(create);
    fireEvent.submit(url.closest('form') as HTMLFormElement);
    await screen.findByRole('button', { name: 'Creating…' });
    await user.type(url, '{Enter}');
    fireEvent.submit(url.closest('form') as HTMLFormElement);

    await waitFor(() => expect(navigations).toEqual(['ep_new']));
    await delay(200);
    expect(bodies).toEqual([
      { url: 'https://hooks.example.com/', events: ['personalized_video', 'avatar_video.fail'] },
    ]);
    expect(navigations).toEqual(['ep_new']);
  });

  it('sends no second request once the first one succeeded', async () => {
    const bodies = recordAdds();
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/once');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    await waitFor(() => expect(navigations).toEqual(['ep_new']));

    // The host has not moved the view yet: the form is still on screen.
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    await delay(200);
    expect(bodies).toHaveLength(1);
  });

  it('sends null for "All events", and only when chosen', async () => {
    const bodies = recordAdds();
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/all');
    await user.click(screen.getByRole('radio', { name: /All events/ }));
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    await waitFor(() => expect(navigations).toEqual(['ep_new']));
    expect(bodies).toEqual([{ url: 'https://hooks.example.com/all', events: null }]);
  });

  it('never sends an empty list of events', async () => {
    const bodies = recordAdds();
    const { user, url } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/none');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tick at least one event');
    await delay(200);
    expect(bodies).toEqual([]);
  });

  it('puts Konpro’s refusal of the URL on the URL field, with no banner', async () => {
    const bodies = recordAdds(() =>
      HttpResponse.json(
        {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'The request body is invalid',
            details: { field: 'url', reason: 'The URL did not answer OPTIONS within 1 second' },
          },
          request_id: 'req-400',
        },
        { status: 400 },
      ),
    );
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://unreachable.example.com/hook');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByText('The URL did not answer OPTIONS within 1 second')).toBeVisible();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/The URL did not answer OPTIONS within 1 second/);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText(/Konpro refused/)).toBeNull();
    expect(url).toHaveValue('https://unreachable.example.com/hook');
    expect(bodies).toHaveLength(1);
    expect(navigations).toEqual([]);
    expect(screen.getByRole('button', { name: 'Create endpoint' })).toBeEnabled();
  });

  it('shows other refusals in a banner quoting Konpro, and lets the admin try again', async () => {
    let refuse = true;
    const bodies = recordAdds((body) => {
      if (refuse) {
        return HttpResponse.json(
          { error: { code: 'SERVICE_UNAVAILABLE', message: 'Maintenance' }, request_id: 'r-503' },
          { status: 503 },
        );
      }
      const created = newEndpoint(body);
      store.push(created);
      return HttpResponse.json(created);
    });
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/retry');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Konpro is unavailable right now');
    expect(banner).toHaveTextContent('Konpro said: “Maintenance”');
    expect(banner).toHaveTextContent('r-503');
    expect(navigations).toEqual([]);

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    await waitFor(() => expect(navigations).toEqual(['ep_new']));
    expect(bodies).toHaveLength(2);
  });

  it('counts a lost answer as created when the list shows the new endpoint', async () => {
    const bodies = recordAdds((body) => {
      store.push(newEndpoint(body));
      return HttpResponse.json(
        { error: { code: 'UPSTREAM_TIMEOUT', message: 'Konpro did not answer in time' } },
        { status: 504 },
      );
    });
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/slow');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    await waitFor(() => expect(navigations).toEqual(['ep_new']));
    expect(bodies).toHaveLength(1);
    expect(screen.queryByText(/may or may not have been created/)).toBeNull();
  });

  it('does not take an endpoint listed before the create for the new one', async () => {
    store.push(makeEndpoint({ endpoint_id: 'ep_old', url: 'https://hooks.example.com/same' }));
    recordAdds(() =>
      HttpResponse.json(
        { error: { code: 'UPSTREAM_TIMEOUT', message: 'Konpro did not answer in time' } },
        { status: 504 },
      ),
    );
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/same');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The answer was lost: the endpoint may or may not have been created',
    );
    expect(navigations).toEqual([]);
  });

  it('says a create may or may not have happened when its answer is lost and the list has no sign of it', async () => {
    const bodies = recordAdds(() =>
      HttpResponse.json(
        { error: { code: 'UPSTREAM_TIMEOUT', message: 'Konpro did not answer in time' } },
        { status: 504 },
      ),
    );
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/lost');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      'The answer was lost: the endpoint may or may not have been created',
    );
    expect(banner).toHaveTextContent(/not added twice/);
    expect(navigations).toEqual([]);
    expect(bodies).toHaveLength(1);
    expect(url).toHaveValue('https://hooks.example.com/lost');
  });

  it('does not say the list was checked when it could not be read after a lost answer', async () => {
    let listReads = 0;
    server.use(
      http.get(`${API}/endpoint.list`, () => {
        listReads += 1;
        return listReads === 1
          ? HttpResponse.json({ data: store })
          : HttpResponse.json(
              { error: { code: 'SERVICE_UNAVAILABLE', message: 'Maintenance' } },
              { status: 503 },
            );
      }),
    );
    recordAdds(() =>
      HttpResponse.json(
        { error: { code: 'UPSTREAM_TIMEOUT', message: 'Konpro did not answer in time' } },
        { status: 504 },
      ),
    );
    const { user, url, navigations } = await openAddForm();
    await user.type(url, 'https://hooks.example.com/unchecked');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('may or may not have been created');
    expect(listReads).toBe(2);
    expect(navigations).toEqual([]);
    // The second read failed: the admin must not be told that the list shows no new endpoint.
    expect(banner).not.toHaveTextContent('The list was checked');
  });

  it('keeps what was typed across a remount, as after a reload', async () => {
    const first = await openAddForm();
    await first.user.type(first.url, 'https://draft.example.com/new');
    await tick(first.user, 'personalized_video');
    first.view.unmount();
    expect(sessionStorage.getItem(NEW_DRAFT_KEY)).not.toBeNull();

    const { url } = await openAddForm();
    expect(url).toHaveValue('https://draft.example.com/new');
    expect(screen.getByRole('checkbox', { name: 'personalized_video' })).toBeChecked();
  });

  it('forgets what was typed once the endpoint is created', async () => {
    recordAdds();
    const first = await openAddForm();
    await first.user.type(first.url, 'https://hooks.example.com/made');
    await tick(first.user, 'personalized_video');
    await first.user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    await waitFor(() => expect(first.navigations).toEqual(['ep_new']));
    expect(sessionStorage.getItem(NEW_DRAFT_KEY)).toBeNull();
    first.view.unmount();

    const { url } = await openAddForm();
    expect(url).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Clear form' })).toBeDisabled();
  });

  it('opens the new endpoint with its secret, without asking for it again', async () => {
    recordAdds();
    let secretRequests = 0;
    server.use(
      http.get(`${API}/endpoint.secret`, () => {
        secretRequests += 1;
        return HttpResponse.json({ endpoint_id: 'ep_new', secret: 'whsec_other' });
      }),
    );
    const onCreated = vi.fn();
    const { user, views } = renderFlow(ADD_VIEW, { onCreated });
    await user.type(await screen.findByLabelText('Endpoint URL'), 'https://hooks.example.com/b');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));

    expect(await screen.findByRole('heading', { name: 'Edit endpoint' })).toBeVisible();
    expect(views).toEqual([endpointView('ep_new')]);
    expect(
      await screen.findByText(
        (_, node) =>
          node?.textContent === 'Created https://hooks.example.com/b. Its signing secret is below.',
      ),
    ).toBeVisible();
    expect(onCreated).toHaveBeenCalledTimes(1);
    expect(onCreated).toHaveBeenCalledWith(
      expect.objectContaining({ endpoint_id: 'ep_new', url: 'https://hooks.example.com/b' }),
    );
    const region = screen.getByRole('region', { name: 'Signing secret' });
    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(region).toHaveTextContent('whsec_new_secret_5678');
    expect(secretRequests).toBe(0);
  });
});

describe('after a create', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('drops the Created note once the URL it names was changed and saved', async () => {
    recordAdds();
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Partial<Endpoint> & { endpoint_id: string };
        const index = store.findIndex((endpoint) => endpoint.endpoint_id === body.endpoint_id);
        const saved = { ...(store[index] as Endpoint), ...body };
        store.splice(index, 1, saved);
        return HttpResponse.json(saved);
      }),
    );
    const { user } = renderFlow(ADD_VIEW);
    await user.type(await screen.findByLabelText('Endpoint URL'), 'https://hooks.example.com/b');
    await tick(user, 'personalized_video');
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    const note = (_: string, node: Element | null) =>
      node?.textContent === 'Created https://hooks.example.com/b. Its signing secret is below.';
    expect(await screen.findByText(note)).toBeVisible();

    const url = screen.getByLabelText('Endpoint URL');
    await user.clear(url);
    await user.type(url, 'https://hooks.example.com/moved');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    await waitFor(() => expect(screen.queryByText(note)).toBeNull());
    expect(screen.queryByText(/^Created /)).toBeNull();
  });
});

describe('leaving with unsaved edits', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('gives focus back to the control that asked when the admin stays', async () => {
    const { user } = renderFlow(endpointView('ep_1'));
    const url = await screen.findByLabelText('Endpoint URL');
    await user.type(url, '/more');
    const back = screen.getByRole('link', { name: '← All endpoints' });

    await user.click(back);
    const stay = await screen.findByRole('button', { name: 'Stay and keep editing' });
    expect(stay).toHaveFocus();
    await user.click(stay);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(back).toHaveFocus();

    await user.click(back);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(back).toHaveFocus();
    expect(url).toHaveValue('https://hooks.example.com/konpro/more');
  });
});

describe('the signing secret', () => {
  function countSecretRequests(respond: () => Response) {
    const requested: string[] = [];
    server.use(
      http.get(`${API}/endpoint.secret`, ({ request }) => {
        requested.push(new URL(request.url).searchParams.get('endpoint_id') ?? '');
        return respond();
      }),
    );
    return requested;
  }

  it('is fetched only when revealed, and hidden again on demand', async () => {
    server.use(...readHandlers(store));
    const requested = countSecretRequests(() =>
      HttpResponse.json({ endpoint_id: 'ep_1', secret: 'whsec_fetched_9999' }),
    );
    const { user } = renderEditor('ep_1');
    const region = await screen.findByRole('region', { name: 'Signing secret' });
    expect(within(region).getByRole('img', { name: 'Secret hidden' })).toBeVisible();
    expect(document.body).not.toHaveTextContent('whsec_');
    expect(requested).toEqual([]);

    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(await within(region).findByText('whsec_fetched_9999')).toBeVisible();
    expect(requested).toEqual(['ep_1']);

    await user.click(within(region).getByRole('button', { name: 'Hide secret' }));
    expect(document.body).not.toHaveTextContent('whsec_');
    expect(within(region).getByRole('img', { name: 'Secret hidden' })).toBeVisible();

    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(within(region).getByText('whsec_fetched_9999')).toBeVisible();
    expect(requested).toEqual(['ep_1']);
  });

  it('falls back to the list’s copy when the server has no secret route', async () => {
    server.use(...readHandlers(store));
    const requested = countSecretRequests(() =>
      HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No route' } }, { status: 404 }),
    );
    const { user } = renderEditor('ep_1');
    const region = await screen.findByRole('region', { name: 'Signing secret' });
    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(await within(region).findByText('whsec_test_secret_1234')).toBeVisible();
    expect(requested).toEqual(['ep_1']);
  });

  it('says the server does not hand out secrets when neither it nor the list has one', async () => {
    store.splice(0, store.length, makeEndpoint({ secret: undefined }));
    server.use(...readHandlers(store));
    countSecretRequests(() =>
      HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No route' } }, { status: 404 }),
    );
    const { user } = renderEditor('ep_1');
    const region = await screen.findByRole('region', { name: 'Signing secret' });
    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(await within(region).findByText(/does not hand out secrets on demand/)).toBeVisible();
    expect(within(region).getByRole('img', { name: 'Secret hidden' })).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Reveal secret' })).toBeEnabled();
  });

  it('is masked again when the tab is hidden', async () => {
    server.use(...readHandlers(store));
    countSecretRequests(() =>
      HttpResponse.json({ endpoint_id: 'ep_1', secret: 'whsec_fetched_9999' }),
    );
    const { user } = renderEditor('ep_1');
    const region = await screen.findByRole('region', { name: 'Signing secret' });
    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(await within(region).findByText('whsec_fetched_9999')).toBeVisible();

    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    fireEvent(document, new Event('visibilitychange'));
    expect(document.body).not.toHaveTextContent('whsec_');
    expect(within(region).getByRole('button', { name: 'Reveal secret' })).toBeVisible();
  });

  it('says why another failure left it hidden', async () => {
    server.use(...readHandlers(store));
    countSecretRequests(() =>
      HttpResponse.json(
        { error: { code: 'PROCESSING_ERROR', message: 'Konpro failed' }, request_id: 'req-s' },
        { status: 500 },
      ),
    );
    const { user } = renderEditor('ep_1');
    const region = await screen.findByRole('region', { name: 'Signing secret' });
    await user.click(within(region).getByRole('button', { name: 'Reveal secret' }));
    expect(await within(region).findByText(/could not be fetched: Konpro failed/)).toBeVisible();
    expect(region).toHaveTextContent('req-s');
    expect(region).not.toHaveTextContent('whsec_');
  });
});

/** Deletes like Konpro and records the endpoint_id of every request. */
function recordDeletes(respond?: (endpointId: string) => Response) {
  const deleted: string[] = [];
  server.use(
    http.delete(`${API}/endpoint.delete`, async ({ request }) => {
      const endpointId = new URL(request.url).searchParams.get('endpoint_id') ?? '';
      deleted.push(endpointId);
      await delay(50);
      if (respond) return respond(endpointId);
      const at = store.findIndex((endpoint) => endpoint.endpoint_id === endpointId);
      if (at >= 0) store.splice(at, 1);
      return HttpResponse.json({
        endpoint_id: endpointId,
        status: 'deleted',
        message: 'Webhook endpoint deleted successfully',
        deleted_at: '2025-06-01T12:00:00Z',
      });
    }),
  );
  return deleted;
}

const notFound = () =>
  HttpResponse.json(
    { error: { code: 'RESOURCE_NOT_FOUND', message: 'Endpoint not found' } },
    { status: 404 },
  );

async function openDeleteDialog(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Delete endpoint' }));
  return screen.findByRole('dialog', { name: 'Delete this endpoint?' });
}

describe('deleting an endpoint', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('asks first in a dialog that names the URL, and Cancel sends nothing', async () => {
    const deleted = recordDeletes();
    const { user, navigations } = renderEditor('ep_1');
    const dialog = await openDeleteDialog(user);
    expect(dialog).toHaveTextContent('https://hooks.example.com/konpro');
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeVisible();
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();

    await user.click(cancel);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete endpoint' })).toHaveFocus();
    await delay(100);
    expect(deleted).toEqual([]);
    expect(navigations).toEqual([]);
  });

  it('sends one DELETE with the endpoint’s id and goes to the list', async () => {
    const deleted = recordDeletes();
    const onDeleted = vi.fn();
    const { user, views } = renderFlow(endpointView('ep_1'), { onDeleted });
    const dialog = await openDeleteDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
    expect(views).toEqual([LIST_VIEW]);
    expect(deleted).toEqual(['ep_1']);
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ endpoint_id: 'ep_1' }));
    expect(
      await screen.findByText(
        (_, node) => node?.textContent === 'Deleted https://hooks.example.com/konpro.',
      ),
    ).toBeVisible();
    expect(await screen.findByText('This account has no webhook endpoints yet.')).toBeVisible();
  });

  it('asks the host to replace the endpoint’s view with the list', async () => {
    recordDeletes();
    const { user, navigations, apiClient, queryClient, view } = renderEditor('ep_1');
    const onNavigate = vi.fn();
    view.rerender(
      <EditorApp
        apiClient={apiClient}
        queryClient={queryClient}
        view={endpointView('ep_1')}
        onNavigate={onNavigate}
      />,
    );
    const dialog = await openDeleteDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onNavigate).toHaveBeenCalledTimes(1));
    expect(onNavigate).toHaveBeenCalledWith(LIST_VIEW, { replace: true });
    expect(navigations).toEqual([]);
  });

  it('sends one request while a Delete is on its way', async () => {
    const deleted = recordDeletes();
    const { user, navigations } = renderEditor('ep_1');
    const dialog = await openDeleteDialog(user);
    const button = within(dialog).getByRole('button', { name: 'Delete' });
    // Both presses before React renders again: only the form's own guard can stop the second.
    act(() => {
      button.click();
      button.click();
    });
    expect(await within(dialog).findByRole('button', { name: 'Deleting…' })).toBeDisabled();
    await waitFor(() => expect(navigations).toEqual([null]));
    expect(deleted).toEqual(['ep_1']);
  });

  it('removes the endpoint’s unsaved edits from the tab', async () => {
    recordDeletes();
    const key = 'konpro-webhook-editor:draft:ep_1';
    const { user, views } = renderFlow(endpointView('ep_1'));
    const url = await screen.findByLabelText('Endpoint URL');
    await user.clear(url);
    await user.type(url, 'https://draft.example.com/hook');
    expect(sessionStorage.getItem(key)).not.toBeNull();

    const dialog = await openDeleteDialog(user);
    expect(dialog).toHaveTextContent('The unsaved changes on this page are dropped with it.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(views).toEqual([LIST_VIEW]));
    expect(screen.queryByRole('alertdialog', { name: 'Leave without saving?' })).toBeNull();
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it('counts a 404 as done when the list no longer has the endpoint', async () => {
    const deleted = recordDeletes(() => {
      store.splice(0, store.length);
      return notFound();
    });
    const onDeleted = vi.fn();
    const { user, views } = renderFlow(endpointView('ep_1'), { onDeleted });
    const dialog = await openDeleteDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(views).toEqual([LIST_VIEW]));
    expect(
      await screen.findByText(/It had already been deleted elsewhere, so nothing else changed\./),
    ).toBeVisible();
    expect(deleted).toEqual(['ep_1']);
    expect(onDeleted).toHaveBeenCalledTimes(1);
  });

  it('shows a failure in the dialog when the list still has the endpoint after a 404', async () => {
    const deleted = recordDeletes(notFound);
    const onDeleted = vi.fn();
    const { user, views } = renderFlow(endpointView('ep_1'), { onDeleted });
    const dialog = await openDeleteDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const banner = await within(dialog).findByRole('alert');
    expect(banner).toHaveTextContent('The endpoint was not deleted');
    expect(banner).toHaveTextContent(/still in the list/);
    expect(deleted).toEqual(['ep_1']);
    expect(views).toEqual([]);
    expect(onDeleted).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Edit endpoint' })).toBeVisible();
  });

  it('says a delete may or may not have happened when its answer is lost', async () => {
    recordDeletes(() =>
      HttpResponse.json(
        { error: { code: 'UPSTREAM_TIMEOUT', message: 'Konpro did not answer in time' } },
        { status: 504 },
      ),
    );
    const { user, navigations } = renderEditor('ep_1');
    const dialog = await openDeleteDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The answer was lost: the endpoint may or may not have been deleted',
    );
    expect(navigations).toEqual([]);
  });
});

describe('a host that switched adding and deleting off', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('shows no Add endpoint link on the list', async () => {
    renderFlow(LIST_VIEW, { features: { create: false, delete: false } });
    await screen.findByRole('link', { name: 'https://hooks.example.com/konpro' });
    expect(screen.queryByRole('link', { name: 'Add endpoint' })).toBeNull();
  });

  it('shows no Delete endpoint button on an endpoint', async () => {
    renderFlow(endpointView('ep_1'), { features: { create: false, delete: false } });
    await screen.findByRole('region', { name: 'Signing secret' });
    expect(screen.getByLabelText('Endpoint URL')).toBeVisible();
    // Delete endpoint would come with the History, below the form: both load after the form.
    await screen.findByRole('region', { name: 'History' });
    expect(screen.queryByRole('button', { name: 'Delete endpoint' })).toBeNull();
  });

  it('shows both when they are on', async () => {
    const { user } = renderFlow(LIST_VIEW, { features: { create: true, delete: true } });
    await user.click(await screen.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    expect(await screen.findByRole('button', { name: 'Delete endpoint' })).toBeVisible();
  });
});

describe('an outcome that arrives after its view was left', () => {
  beforeEach(() => server.use(...readHandlers(store)));

  it('a create finishing after the admin went back tells the host but moves no one', async () => {
    recordAdds(async (body) => {
      await delay(300);
      const created = newEndpoint(body);
      store.push(created);
      return HttpResponse.json(created);
    });
    const onCreated = vi.fn();
    const { user, views } = renderFlow(ADD_VIEW, { onCreated });
    await user.type(await screen.findByLabelText('Endpoint URL'), 'https://late.example.com/hook');
    await user.click(screen.getByRole('radio', { name: /All events/ }));
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    // Back to the list while the create is on its way (nothing typed is lost: it is a draft).
    await user.click(screen.getByRole('link', { name: '← All endpoints' }));
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await screen.findByRole('searchbox', { name: 'Search endpoints' });

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]?.[0]).toMatchObject({ endpoint_id: 'ep_new' });
    expect(views.map((view) => view.name)).toEqual(['list']);
    expect(screen.getByRole('searchbox', { name: 'Search endpoints' })).toBeVisible();
  });

  it('a save leaves no secret in the shared list', async () => {
    // The list as this project's server answers it: no secrets. The save's answer has one.
    store.splice(0, store.length, makeEndpoint({ secret: undefined }));
    let savedAt = 0;
    server.use(
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as { url?: string };
        const saved = { ...makeEndpoint(), ...body };
        store.splice(0, 1, { ...saved, secret: undefined }); // lists read again carry none
        savedAt = Date.now();
        return HttpResponse.json(saved);
      }),
      // The list read again after the save fails: the cache keeps what the save put there.
      http.get(`${API}/endpoint.list`, () =>
        savedAt === 0
          ? HttpResponse.json({ data: store })
          : HttpResponse.json({ error: { code: 'SERVICE_UNAVAILABLE' } }, { status: 503 }),
      ),
    );
    const { user, queryClient } = renderEditor('ep_1');
    const field = await screen.findByLabelText('Endpoint URL');
    await user.clear(field);
    await user.type(field, 'https://saved.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('region', { name: 'What the server saved' });
    const cached = queryClient.getQueryData<Endpoint[]>(['konpro', 'endpoints']);
    expect(cached?.find((e) => e.endpoint_id === 'ep_1')?.url).toBe(
      'https://saved.example.com/hook',
    );
    expect(JSON.stringify(cached)).not.toContain('whsec_');
  });
});
