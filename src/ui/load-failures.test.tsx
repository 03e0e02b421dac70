import { act, render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Endpoint } from '../../contract/schemas';
import { API, catalog, makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { renderEditor } from '../test/render-app';
import { MountI18n } from '../i18n/mount-i18n';
import { LoadingStatus } from './loading-status';

const konproError = (status: number, code: string, message: string, headers = {}) =>
  HttpResponse.json({ error: { code, message }, request_id: `req-${status}` }, { status, headers });

const list = (respond: () => Response) => http.get(`${API}/endpoint.list`, respond);

afterEach(() => vi.useRealTimers());

describe('a list that cannot be loaded', () => {
  it('after a 401 says it is the editor’s configuration', async () => {
    server.use(list(() => konproError(401, 'INVALID_API_KEY', 'Invalid API key')));
    renderEditor(null);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The endpoints could not be loaded');
    expect(alert).toHaveTextContent(
      'The editor’s API key was refused. This is a configuration problem, not something you did',
    );
    expect(alert).toHaveTextContent('Konpro said: “Invalid API key”');
    expect(alert).toHaveTextContent('req-401');
  });

  it('after a 429 says when to try again, and holds the button until then', async () => {
    server.use(
      list(() => konproError(429, 'RATE_LIMIT_EXCEEDED', 'Slow down', { 'retry-after': '30' })),
    );
    renderEditor(null);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Konpro’s rate limit was reached. You can try again at \S+/);
    expect(screen.getByRole('button', { name: /^Try again in (30|29) s$/ })).toBeDisabled();
  });

  it('quotes the editor’s own server as itself, never as Konpro', async () => {
    server.use(
      list(() => konproError(502, 'UPSTREAM_UNREACHABLE', "Konpro's API could not be reached")),
    );
    const { queryClient } = renderEditor(null);
    queryClient.setDefaultOptions({ queries: { retry: false } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The editor’s server could not reach Konpro.');
    expect(alert).toHaveTextContent(
      "The editor’s server said: “Konpro's API could not be reached”",
    );
    expect(alert).not.toHaveTextContent('Konpro said');
  });

  it('calls a proxy’s HTML page what it is', async () => {
    server.use(list(() => HttpResponse.html('<h1>502 Bad Gateway</h1>', { status: 502 })));
    renderEditor(null);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A proxy on the way to Konpro failed (HTTP 502). Try again in a moment.',
    );
  });
});

describe('a catalog that cannot be loaded', () => {
  it('still lets the URL be edited and saved, and offers to load the events again', async () => {
    let catalogUp = false;
    const bodies: unknown[] = [];
    const store = [makeEndpoint()];
    server.use(
      // Before the usual handlers: the first that matches answers.
      http.get(`${API}/webhook.list`, () =>
        catalogUp
          ? HttpResponse.json({ data: catalog })
          : konproError(500, 'PROCESSING_ERROR', 'Catalog down'),
      ),
      ...readHandlers(store),
      http.patch(`${API}/endpoint.update`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        store[0] = { ...store[0], ...body } as Endpoint;
        return HttpResponse.json(store[0]);
      }),
    );
    const { user } = renderEditor('ep_1');
    const url = await screen.findByLabelText('Endpoint URL');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The event types could not be loaded');
    expect(alert).toHaveTextContent('the URL can be changed and saved');
    expect(screen.getByText('Events now:')).toHaveTextContent('avatar_video.success');
    expect(screen.queryByRole('radio', { name: 'Selected events' })).toBeNull();

    await user.clear(url);
    await user.type(url, 'https://url-only.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://url-only.example.com/hook' }]);

    catalogUp = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'avatar_video.success' })).toBeChecked();
    expect(url).toHaveValue('https://url-only.example.com/hook');
  });
});

describe('a slow load', () => {
  it('says it is still waiting after a few seconds, and why it asks again', () => {
    vi.useFakeTimers();
    const { rerender } = render(
      <MountI18n locale="en">
        <LoadingStatus label="Loading endpoint…" failureCount={0} failureReason={null} />
      </MountI18n>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading endpoint…');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Still waiting for Konpro to answer…');
    expect(screen.getByRole('status')).toHaveTextContent('(3 s)');

    const timeout = new ApiError({ kind: 'http', status: 504, message: 'Too slow' });
    rerender(
      <MountI18n locale="en">
        <LoadingStatus label="Loading endpoint…" failureCount={1} failureReason={timeout} />
      </MountI18n>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Konpro did not answer in time. Asking again…',
    );
  });
});
