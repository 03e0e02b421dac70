import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, delay, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UrlCheckAnswer } from '../../../contract/url-check';
import type { Endpoint } from '../../../contract/schemas';
import { certificateFindings } from '../../../server/url-check/certificate-findings';
import { SESSION_QUERY_KEY } from '../../api/session';
import { EditorApp } from '../../app/editor-app';
import { ADD_VIEW } from '../../app/view';
import { API, catalog, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';

// jsdom has no modal dialogs: open and close are enough here (focus trapping is a browser's, and
// the browser test walks it).
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

const DAY_MS = 86_400_000;
const NEW_URL = 'https://new.example.com/hook';

const store: Endpoint[] = [];
const checks: Record<string, unknown>[] = [];
const updates: Record<string, unknown>[] = [];
let answer: UrlCheckAnswer;

function good(validTo = new Date(Date.now() + 90 * DAY_MS).toISOString()): UrlCheckAnswer {
  return {
    ok: true,
    tls: { version: 'TLSv1.3', trusted: true, host_matches: true, valid_to: validTo },
    delivery: { status: 200, ms: 84 },
    problem: null,
    warnings: [],
  };
}

const expired: UrlCheckAnswer = {
  ok: false,
  tls: {
    version: 'TLSv1.2',
    trusted: true,
    host_matches: true,
    valid_to: new Date(Date.now() - 3 * DAY_MS).toISOString(),
  },
  delivery: null,
  problem: 'the certificate has expired',
  warnings: [],
};

beforeEach(() => {
  store.splice(
    0,
    store.length,
    makeEndpoint({ events: ['avatar_video.fail', 'personalized_video'] }),
  );
  checks.length = 0;
  updates.length = 0;
  answer = good();
  server.use(
    ...readHandlers(store),
    http.post(`${API}/endpoint.check`, async ({ request }) => {
      checks.push((await request.json()) as Record<string, unknown>);
      return HttpResponse.json(answer);
    }),
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      updates.push(body);
      store[0] = { ...store[0], ...body } as Endpoint;
      return HttpResponse.json(store[0]);
    }),
  );
});

async function openEditor() {
  const app = renderEditor('ep_1');
  const url = await screen.findByLabelText('Endpoint URL');
  const checkButton = () => screen.getByRole('button', { name: 'Check URL' });
  const region = () => screen.getByRole('region', { name: 'URL check' });
  const save = () => screen.getByRole('button', { name: 'Save changes' });
  return { ...app, url, checkButton, region, save };
}

async function typeUrl(app: Awaited<ReturnType<typeof openEditor>>, value: string) {
  await app.user.clear(app.url);
  await app.user.type(app.url, value);
}

describe('Check URL says what it found', () => {
  it('says each finding of a good receiver in words', async () => {
    const app = await openEditor();
    await app.user.click(app.checkButton());

    const region = app.region();
    expect(region).toHaveAttribute('aria-live', 'polite');
    await within(region).findByText(/^Passed:/);
    const validTo = new Date(answer.tls?.valid_to ?? '');
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(validTo);
    const items = within(region)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'TLS 1.3',
      'The certificate is trusted and matches the host.',
      `It expires on ${date}, in 90 days.`,
      'Test delivery of avatar_video.fail: HTTP 200 in 84 ms.',
    ]);
    expect(region).toHaveTextContent('Passed: https://hooks.example.com/konpro is ready');
    expect(region).not.toHaveTextContent('Warning');
    // The first ticked event in the catalog's order, whatever order the endpoint lists them in.
    expect(checks).toEqual([
      { url: 'https://hooks.example.com/konpro', event_type: 'avatar_video.fail' },
    ]);
  });

  it('puts what failed first, in an error box that says so in words', async () => {
    answer = expired;
    const app = await openEditor();
    await app.user.click(app.checkButton());

    const title = await within(app.region()).findByText(/^The check failed:/);
    expect(title).toHaveTextContent('The check failed: the certificate has expired.');
    expect(title).toHaveClass('kwe-banner-title');
    expect(title.parentElement).toHaveClass('kwe-banner');
    expect(app.region()).toHaveTextContent('TLS 1.2');
    expect(app.region()).toHaveTextContent(/It expired on .*, 3 days ago\./);
    expect(app.region()).toHaveTextContent('No test delivery was sent.');
  });

  it('says which part of the certificate failed', async () => {
    answer = {
      ok: false,
      tls: {
        version: 'TLSv1.3',
        trusted: true,
        host_matches: false,
        valid_to: new Date(Date.now() + 90 * DAY_MS).toISOString(),
      },
      delivery: null,
      problem: 'the certificate is for another host',
      warnings: [],
    };
    const app = await openEditor();
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(
      'The certificate is trusted, but it is for another host.',
    );
  });

  it('passes a certificate that expires within 14 days, with a warning', async () => {
    answer = good(new Date(Date.now() + 9 * DAY_MS + 3_600_000).toISOString());
    const app = await openEditor();
    await app.user.click(app.checkButton());

    const region = app.region();
    await within(region).findByText(/^Passed:/);
    expect(within(region).queryByText(/^The check failed/)).toBeNull();
    const warning = within(region).getByText(/^Warning:/);
    expect(warning).toHaveTextContent(
      'Warning: the certificate expires in 9 days. Renew it before then',
    );
    expect(warning).toHaveClass('kwe-note');
  });

  it('says an expiry the server warns of once, in the reader’s words', async () => {
    const validTo = new Date(Date.now() + 9 * DAY_MS + 3_600_000).toISOString();
    // The server's own words for it, from the server's code.
    const { warnings } = certificateFindings(
      { version: 'TLS 1.3', trusted: true, host_matches: true, valid_to: validTo },
      { authorizationError: null, weakKey: false },
      Date.now(),
    );
    expect(warnings).toHaveLength(1);
    answer = { ...good(validTo), warnings: [...warnings, 'the receiver answered slowly'] };
    const app = await openEditor();
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^Passed:/);
    const said = within(app.region())
      .getAllByText(/^Warning:/)
      .map((warning) => warning.textContent);
    expect(said).toEqual([
      'Warning: the certificate expires in 9 days. Renew it before then, or deliveries will fail.',
      'Warning: the receiver answered slowly',
    ]);
  });

  it('shows the server’s own warnings as warnings', async () => {
    answer = { ...good(), warnings: ['the receiver took over 2 s to answer'] };
    const app = await openEditor();
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^Passed:/);
    expect(app.region()).toHaveTextContent('Warning: the receiver took over 2 s to answer');
  });

  it('says when the check itself could not be made, and asks nothing on save', async () => {
    server.use(
      http.post(`${API}/endpoint.check`, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many checks' } },
          { status: 429, headers: { 'retry-after': '30' } },
        ),
      ),
    );
    const app = await openEditor();
    await typeUrl(app, NEW_URL);
    await app.user.click(app.checkButton());
    expect(await within(app.region()).findByText(/^Too many checks/)).toHaveTextContent(
      /^Too many checks in a short time\. Try again after .+\.$/,
    );
    await app.user.click(app.save());
    await screen.findByText('Saved');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the event of the test delivery', () => {
  it('can be another of the endpoint’s events, chosen in "Test event"', async () => {
    const app = await openEditor();
    const select = screen.getByRole('combobox', { name: 'Test event' });
    expect(select).toHaveValue('avatar_video.fail');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['avatar_video.fail', 'personalized_video']);
    await app.user.selectOptions(select, 'personalized_video');
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^Passed:/);
    expect(checks).toEqual([expect.objectContaining({ event_type: 'personalized_video' })]);
  });

  it('is the catalog’s first for an endpoint of all events', async () => {
    store[0] = makeEndpoint({ events: [] });
    await openEditor();
    const select = screen.getByRole('combobox', { name: 'Test event' });
    expect(select).toHaveValue(catalog[0]);
    expect(within(select).getAllByRole('option')).toHaveLength(catalog.length);
  });
});

describe('a check belongs to the URL it checked', () => {
  it('says a result is for the old URL once another is typed, and for it again when it is back', async () => {
    const app = await openEditor();
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^Passed:/);

    await typeUrl(app, NEW_URL);
    expect(app.region()).toHaveTextContent(
      'The last check was of https://hooks.example.com/konpro, not of the URL in the field now. Press Check URL to check this one.',
    );
    expect(within(app.region()).queryByText(/^Passed:/)).toBeNull();

    await typeUrl(app, 'https://hooks.example.com/konpro');
    expect(within(app.region()).getByText(/^Passed:/)).toBeVisible();
  });

  it('asks nothing when the URL that failed was changed since', async () => {
    answer = expired;
    const app = await openEditor();
    await typeUrl(app, NEW_URL);
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^The check failed/);

    await typeUrl(app, 'https://other.example.com/hook');
    await app.user.click(app.save());
    await screen.findByText('Saved');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(updates).toEqual([{ endpoint_id: 'ep_1', url: 'https://other.example.com/hook' }]);
  });

  it('sends nothing for a URL the field refuses, and says why there', async () => {
    const app = await openEditor();
    await typeUrl(app, 'http://insecure.example.com/hook');
    await app.user.click(app.checkButton());
    expect(await screen.findByText('The URL must start with https://')).toBeVisible();
    expect(app.url).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'URL check' })).toBeNull();
    expect(checks).toEqual([]);
  });
});

describe('pressing Check URL', () => {
  it('says it is checking, cannot be pressed again meanwhile, and sends one request', async () => {
    server.use(
      http.post(`${API}/endpoint.check`, async ({ request }) => {
        checks.push((await request.json()) as Record<string, unknown>);
        await delay(200);
        return HttpResponse.json(answer);
      }),
    );
    const app = await openEditor();
    const button = app.checkButton();
    button.focus();
    // Two presses in the same moment, before a render could mark the button.
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    const checking = await screen.findByRole('button', { name: 'Checking…' });
    // Said to be unavailable, yet focusable, so focus stays where the admin pressed.
    expect(checking).toHaveAttribute('aria-disabled', 'true');
    expect(checking).toHaveFocus();
    expect(app.region()).toHaveTextContent('Checking https://hooks.example.com/konpro…');
    await app.user.click(checking);
    await app.user.keyboard('{Enter}');

    await within(app.region()).findByText(/^Passed:/);
    expect(app.checkButton()).not.toHaveAttribute('aria-disabled');
    expect(app.checkButton()).toHaveFocus();
    expect(checks).toHaveLength(1);
  });
});

describe('a backend without the check', () => {
  it('hides Check URL after its 404, for that backend, and says nothing failed', async () => {
    server.use(
      http.post(`${API}/endpoint.check`, ({ request }) => {
        checks.push({ url: request.url });
        return HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
      }),
    );
    const app = await openEditor();
    await app.user.click(app.checkButton());

    await waitFor(() => expect(screen.queryByRole('button', { name: /Check/ })).toBeNull());
    expect(screen.queryByRole('combobox', { name: 'Test event' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'URL check' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(app.url).toHaveFocus();

    // The add form of the same editor talks to the same backend: no button there either.
    app.view.rerender(
      <EditorApp
        apiClient={app.apiClient}
        queryClient={app.queryClient}
        view={ADD_VIEW}
        onNavigate={() => undefined}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Create endpoint' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Check URL' })).toBeNull();
    expect(checks).toHaveLength(1);
  });
});

async function failedCheckOfNewUrl() {
  answer = expired;
  const app = await openEditor();
  await typeUrl(app, NEW_URL);
  await app.user.click(app.checkButton());
  await within(app.region()).findByText(/^The check failed/);
  return app;
}

describe('saving a URL whose check failed', () => {
  it('asks first, naming the problem, with focus on Cancel; Cancel saves nothing', async () => {
    const app = await failedCheckOfNewUrl();
    await app.user.click(app.save());

    const dialog = screen.getByRole('dialog', { name: 'Save a URL that failed its check?' });
    expect(dialog).toHaveAccessibleDescription(
      `The last check of ${NEW_URL} failed: the certificate has expired. Konpro’s deliveries to it fail until that is fixed.`,
    );
    expect(within(dialog).getByRole('button', { name: 'Save anyway' })).toBeVisible();
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();

    await app.user.click(cancel);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(app.save()).toHaveFocus();
    expect(updates).toEqual([]);
    expect(app.url).toHaveValue(NEW_URL);
  });

  it('cancels on Escape, focus back on Save', async () => {
    const app = await failedCheckOfNewUrl();
    await app.user.click(app.save());
    const dialog = screen.getByRole('dialog');
    // What the browser sends a modal dialog on Escape.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(app.save()).toHaveFocus();
    expect(updates).toEqual([]);
  });

  it('saves on Save anyway, and asks once for that check', async () => {
    const app = await failedCheckOfNewUrl();
    await app.user.click(app.save());
    await app.user.click(screen.getByRole('button', { name: 'Save anyway' }));

    await screen.findByText('Saved');
    expect(updates).toEqual([{ endpoint_id: 'ep_1', url: NEW_URL }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks too when Enter in the URL field saves', async () => {
    const app = await failedCheckOfNewUrl();
    await app.user.type(app.url, '{Enter}');
    expect(screen.getByRole('dialog', { name: 'Save a URL that failed its check?' })).toBeVisible();
    expect(updates).toEqual([]);
  });

  it('saves a URL whose check passed as it always did, without asking', async () => {
    const app = await openEditor();
    await typeUrl(app, NEW_URL);
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^Passed:/);
    await app.user.click(app.save());
    await screen.findByText('Saved');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(updates).toEqual([{ endpoint_id: 'ep_1', url: NEW_URL }]);
  });

  it('asks nothing when only the events change after the endpoint’s own URL failed', async () => {
    answer = expired;
    const app = await openEditor();
    await app.user.click(app.checkButton());
    await within(app.region()).findByText(/^The check failed/);
    await app.user.click(screen.getByRole('radio', { name: /All events/ }));
    await app.user.click(app.save());
    await screen.findByText('Saved');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the add form', () => {
  it('checks a new URL with the catalog’s first event, and asks before creating it after a failure', async () => {
    answer = expired;
    const created: unknown[] = [];
    server.use(
      http.post(`${API}/endpoint.add`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(makeEndpoint({ endpoint_id: 'ep_new', url: NEW_URL }));
      }),
    );
    const { user } = renderEditor(ADD_VIEW);
    const url = await screen.findByLabelText('Endpoint URL');
    await user.type(url, NEW_URL);
    await user.click(screen.getByRole('button', { name: 'Check URL' }));
    const region = screen.getByRole('region', { name: 'URL check' });
    await within(region).findByText(/^The check failed/);
    expect(checks).toEqual([{ url: NEW_URL, event_type: catalog[0] }]);

    await user.click(screen.getByRole('radio', { name: /All events/ }));
    const create = screen.getByRole('button', { name: 'Create endpoint' });
    await user.click(create);
    const dialog = screen.getByRole('dialog', { name: 'Save a URL that failed its check?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(create).toHaveFocus();
    expect(created).toEqual([]);

    await user.click(create);
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(created).toHaveLength(1));
  });
});

describe('a server that admits loopback receivers', () => {
  it('lets the form take one, as its session answer says', async () => {
    const app = renderEditor('ep_1');
    app.queryClient.setQueryData(SESSION_QUERY_KEY, { auth: 'off', check_allow_loopback: true });
    const url = await screen.findByLabelText('Endpoint URL');
    await app.user.clear(url);
    await app.user.type(url, 'https://127.0.0.1:8443/hook{Enter}');
    await screen.findByText('Saved');
    expect(updates).toEqual([{ endpoint_id: 'ep_1', url: 'https://127.0.0.1:8443/hook' }]);
  });

  it('and the form refuses one otherwise', async () => {
    const app = await openEditor();
    await typeUrl(app, 'https://127.0.0.1:8443/hook{Enter}');
    await waitFor(() => expect(app.url).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent(/cannot reach this address/);
    expect(updates).toEqual([]);
  });
});
