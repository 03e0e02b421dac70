import { screen } from '@testing-library/react';
import { HttpResponse, delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';

const konproError = (status: number, code: string, message: string, headers = {}) =>
  HttpResponse.json({ error: { code, message }, request_id: `req-${status}` }, { status, headers });

type Case = [name: string, respond: () => Response | Promise<Response>, title: RegExp];

const cases: Case[] = [
  [
    '400 without a field',
    () => konproError(400, 'VALIDATION_ERROR', 'Bad body'),
    /refused the change/,
  ],
  ['401', () => konproError(401, 'INVALID_API_KEY', 'Invalid key'), /API key was refused/],
  ['403', () => konproError(403, 'INSUFFICIENT_PERMISSIONS', 'No'), /not allowed/],
  ['404', () => konproError(404, 'RESOURCE_NOT_FOUND', 'Gone'), /no longer exists/],
  ['409', () => konproError(409, 'CONFLICT', 'Conflict'), /at the same time/],
  ['413', () => konproError(413, 'PAYLOAD_TOO_LARGE', 'Too big'), /too large/],
  [
    '422 FastAPI detail',
    () => HttpResponse.json({ detail: 'Body malformed' }, { status: 422 }),
    /refused the change/,
  ],
  [
    '429 with Retry-After',
    () => konproError(429, 'RATE_LIMIT_EXCEEDED', 'Slow down', { 'retry-after': '30' }),
    /Too many requests/,
  ],
  ['500', () => konproError(500, 'PROCESSING_ERROR', 'Boom'), /Konpro failed/],
  ['502', () => konproError(502, 'UPSTREAM_UNREACHABLE', 'Down'), /could not reach Konpro/],
  ['503', () => konproError(503, 'SERVICE_UNAVAILABLE', 'Maintenance'), /unavailable/],
  ['504', () => konproError(504, 'UPSTREAM_TIMEOUT', 'Slow'), /did not answer in time/],
  ['a dropped connection', () => HttpResponse.error(), /could not be reached/],
  [
    'a timeout',
    async () => {
      await delay(5000);
      return HttpResponse.json({});
    },
    /did not answer within/,
  ],
  [
    'a body that is not JSON',
    () => HttpResponse.html('<h1>502 Bad Gateway</h1>', { status: 502 }),
    /proxy on the way to Konpro failed.*may or may not have been applied/,
  ],
  ['a 200 that fails the schema', () => HttpResponse.json({ ok: true }), /could not be read/],
];

afterEach(() => vi.restoreAllMocks());

describe('a failed save', () => {
  it.each(cases)(
    'after %s says what happened, keeps the edit and never says Saved',
    async (_, respond, title) => {
      server.use(...readHandlers(), http.patch(`${API}/endpoint.update`, respond));
      const { user } = renderEditor('ep_1');
      const url = await screen.findByLabelText('Endpoint URL');
      await user.clear(url);
      await user.type(url, 'https://kept.example.com/hook');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));

      const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
      expect(alert).toHaveTextContent(title);
      expect(url).toHaveValue('https://kept.example.com/hook');
      expect(screen.queryByText('Saved')).toBeNull();
      expect(alert).not.toHaveTextContent('whsec_');
    },
  );

  it('says the admin is offline when the browser is', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () => HttpResponse.error()),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline');
    expect(screen.getByRole('checkbox', { name: 'personalized_video' })).toBeChecked();
  });

  it('holds Save back until Retry-After has passed', async () => {
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () =>
        konproError(429, 'RATE_LIMIT_EXCEEDED', 'Slow down', { 'retry-after': '1' }),
      ),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/You can save again at/);
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await vi.waitFor(
      () => expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled(),
      {
        timeout: 2500,
      },
    );
  });

  it('says beside the paused Save why it waits, counting down', async () => {
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () =>
        konproError(429, 'RATE_LIMIT_EXCEEDED', 'Slow down', { 'retry-after': '2' }),
      ),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const note = await screen.findByText(/you can save again in/);
    expect(note).toHaveTextContent('Konpro’s rate limit was reached: you can save again in 2 s.');
    await vi.waitFor(() => expect(note).toHaveTextContent('you can save again in 1 s.'), {
      timeout: 1500,
    });
    await vi.waitFor(
      () => expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled(),
      { timeout: 1500 },
    );
    expect(screen.queryByText(/you can save again in/)).toBeNull();
  });

  it('says Konpro is unavailable beside Save after a 503 with Retry-After', async () => {
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () =>
        konproError(503, 'SERVICE_UNAVAILABLE', 'Maintenance', { 'retry-after': '120' }),
      ),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/you can save again in/)).toHaveTextContent(
      'Konpro is unavailable: you can save again in 120 s.',
    );
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it.each([
    ['the editor’s server', 502, 'UPSTREAM_UNREACHABLE', 'The editor’s server said'],
    ['the editor’s server', 504, 'UPSTREAM_TIMEOUT', 'The editor’s server said'],
    ['Konpro', 500, 'PROCESSING_ERROR', 'Konpro said'],
  ])('quotes %s as itself (%i %s)', async (_, status, code, said) => {
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () => konproError(status, code, 'In its words')),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`${said}: “In its words”`);
  });

  it('offers the way back to the list when the endpoint is gone', async () => {
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, () => konproError(404, 'RESOURCE_NOT_FOUND', 'Gone')),
    );
    const { user, navigations } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Show all endpoints' }));
    // Leaving with the edit still unsaved asks first.
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(navigations).toEqual([null]);
  });

  it('cannot be sent twice by pressing Save twice', async () => {
    let patches = 0;
    server.use(
      ...readHandlers(),
      http.patch(`${API}/endpoint.update`, async () => {
        patches += 1;
        await delay(200);
        return konproError(500, 'PROCESSING_ERROR', 'Boom');
      }),
    );
    const { user } = renderEditor('ep_1');
    await user.click(await screen.findByRole('checkbox', { name: 'personalized_video' }));
    const save = screen.getByRole('button', { name: 'Save changes' });
    await user.dblClick(save);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();
    await screen.findByRole('alert');
    expect(patches).toBe(1);
  });
});
