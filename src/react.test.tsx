// <WebhookEndpointEditor> as a React portal renders it. This file runs on React 19 (the `app`
// project) and on React 18.3 (the `react-18` project).
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { Component, type ReactNode, StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Endpoint } from '../contract/schemas';
import { API, makeEndpoint, readHandlers } from './test/fixtures';
import { installAdoptedStyleSheets } from './test/adopted-style-sheets';
import { preloadEditor } from './app/use-editor-module';
import { server } from './test/msw-server';
import { editorIn, typeOver } from './test/shadow-editor';
import { SAVED_EVENT, WebhookEndpointEditor, type WebhookEndpointEditorProps } from './react';

beforeAll(installAdoptedStyleSheets);
// The editor's code is loaded (and, here, compiled) once before the tests, not within a test's
// wait for the form to appear.
beforeAll(() => preloadEditor());
afterEach(() => vi.restoreAllMocks());

const BASE = 'http://localhost/api';
const second = makeEndpoint({ endpoint_id: 'ep_2', url: 'https://second.example.com/hook' });

function serve(store: Endpoint[] = [makeEndpoint(), second]) {
  server.use(
    ...readHandlers(store),
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Partial<Endpoint>;
      const index = store.findIndex((e) => e.endpoint_id === body.endpoint_id);
      store[index] = { ...(store[index] as Endpoint), ...body };
      return HttpResponse.json(store[index]);
    }),
  );
}

function renderEditor(props: WebhookEndpointEditorProps, strict = false) {
  const element = (next: WebhookEndpointEditorProps) => {
    const editor = <WebhookEndpointEditor id="webhooks" apiBaseUrl={BASE} {...next} />;
    return strict ? <StrictMode>{editor}</StrictMode> : editor;
  };
  const view = render(element(props));
  const host = view.container.querySelector('#webhooks');
  if (host === null) throw new Error('no host element');
  return {
    host,
    user: userEvent.setup(),
    app: () => editorIn(host),
    rerender: (next: WebhookEndpointEditorProps) => view.rerender(element(next)),
    unmount: view.unmount,
  };
}

describe('WebhookEndpointEditor', () => {
  it('renders the editor in the shadow root of its host element', async () => {
    serve();
    const { host, app } = renderEditor({ className: 'portal-webhooks', style: { minHeight: 40 } });

    expect(host).toHaveClass('portal-webhooks');
    expect(host).toHaveStyle({ minHeight: '40px' });
    expect(host.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
    expect(await app().findByRole('link', { name: second.url })).toBeVisible();
    expect(screen.queryByRole('link', { name: second.url })).toBeNull(); // not in the light DOM
  });

  it('keeps what was typed when the theme changes, and moves when the endpointId does', async () => {
    serve();
    const { host, app, user, rerender } = renderEditor({ endpointId: 'ep_1', theme: 'light' });
    const url = await app().findByLabelText<HTMLInputElement>('Endpoint URL');
    await typeOver(user, url, 'https://typed.example.com/hook');
    const container = host.shadowRoot?.firstElementChild;

    rerender({ endpointId: 'ep_1', theme: 'dark' });
    expect(host.shadowRoot?.querySelector('.kwe-root')).toHaveAttribute('data-theme', 'dark');
    expect(app().getByLabelText('Endpoint URL')).toBe(url);
    expect(url).toHaveValue('https://typed.example.com/hook');
    expect(host.shadowRoot?.firstElementChild).toBe(container); // the same editor, not a new one

    rerender({ endpointId: 'ep_2', theme: 'dark' });
    await waitFor(() =>
      expect(app().getByLabelText('Endpoint URL')).toHaveValue('https://second.example.com/hook'),
    );
    expect(host.shadowRoot?.firstElementChild).toBe(container);
  });

  it('calls the callback of the latest render, and none once it is taken away', async () => {
    serve();
    const first = vi.fn();
    const latest = vi.fn();
    const { app, user, rerender } = renderEditor({ endpointId: 'ep_1', onSaved: first });
    rerender({ endpointId: 'ep_1', onSaved: latest });

    const save = async (text: string) => {
      await typeOver(user, await app().findByLabelText<HTMLInputElement>('Endpoint URL'), text);
      await user.click(app().getByRole('button', { name: 'Save changes' }));
      await app().findByText('Saved');
    };
    await save('https://first-save.example.com/hook');
    await waitFor(() => expect(latest).toHaveBeenCalledTimes(1));
    expect(latest).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://first-save.example.com/hook' }),
    );
    expect(latest.mock.calls[0]?.[0]).not.toHaveProperty('secret');
    expect(first).not.toHaveBeenCalled();

    rerender({ endpointId: 'ep_1' });
    const heard: Event[] = [];
    document.addEventListener(SAVED_EVENT, (event) => heard.push(event));
    await save('https://second-save.example.com/hook');
    await waitFor(() => expect(heard).toHaveLength(1)); // the DOM event still tells of it
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it('leaves nothing behind when it unmounts', async () => {
    serve();
    const { host, app, unmount } = renderEditor({});
    await app().findByRole('link', { name: second.url });
    const container = host.shadowRoot?.firstElementChild as Element;
    expect(holdsRoot(container)).toBe(true);

    unmount();
    expect(host.shadowRoot?.childNodes).toHaveLength(0);
    expect(host.shadowRoot?.adoptedStyleSheets).toHaveLength(0);
    await waitFor(() => expect(holdsRoot(container)).toBe(false));
  });

  it("mounts and unmounts inside the portal's own commits, as in a browser", async () => {
    serve();
    // Outside act(): React renders and unmounts as it does in a browser, where it refuses to flush
    // or unmount another root while it commits the portal's.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    onTestFinished(() => void (actEnvironment.IS_REACT_ACT_ENVIRONMENT = true));
    const portal = createRoot(document.body.appendChild(document.createElement('div')));

    flushSync(() => portal.render(<WebhookEndpointEditor id="webhooks" apiBaseUrl={BASE} />));
    const host = document.getElementById('webhooks') as HTMLElement;
    // Rendered by the end of the portal's commit, before the browser could paint.
    expect(editorIn(host).getByRole('heading', { name: 'Webhook endpoints' })).toBeVisible();
    const container = host.shadowRoot?.firstElementChild as Element;

    portal.unmount();
    expect(host.shadowRoot?.childNodes).toHaveLength(0);
    await waitFor(() => expect(holdsRoot(container)).toBe(false));
  });

  it("mounts once under StrictMode's double effects, and edits as usual", async () => {
    serve();
    const { host, app, user } = renderEditor({ endpointId: 'ep_1' }, true);

    expect(host.shadowRoot?.childNodes).toHaveLength(1);
    expect(host.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
    const url = await app().findByLabelText<HTMLInputElement>('Endpoint URL');
    await typeOver(user, url, 'https://strict.example.com/hook');
    await user.click(app().getByRole('button', { name: 'Save changes' }));
    expect(await app().findByText('Saved')).toBeVisible();
  });

  it('asks getHeaders again when the token it gave has expired, and goes on', async () => {
    serve();
    // Each call hands out a new token; the first list request to arrive finds its token expired.
    let issued = 0;
    const getHeaders = () => ({ authorization: `Bearer ${++issued}` });
    const tokens: { token: number; refused: boolean }[] = [];
    server.use(
      http.get(`${API}/endpoint.list`, ({ request }) => {
        const token = Number(request.headers.get('authorization')?.replace('Bearer ', ''));
        const refused = tokens.length === 0;
        tokens.push({ token, refused });
        if (!refused) return undefined; // on to the list's own handler
        return HttpResponse.json({ error: { code: 'UNAUTHORIZED' } }, { status: 401 });
      }),
    );
    const { app } = renderEditor({ getHeaders });

    expect(await app().findByRole('link', { name: second.url })).toBeVisible();
    expect(tokens).toEqual([
      { token: expect.any(Number) as number, refused: true },
      { token: expect.any(Number) as number, refused: false },
    ]);
    expect(tokens[1]?.token).toBeGreaterThan(tokens[0]?.token ?? Infinity);
  });

  it('reports a 401 at once when the portal gives no getHeaders', async () => {
    serve();
    let requests = 0;
    server.use(
      http.get(`${API}/endpoint.list`, () => {
        requests += 1;
        return HttpResponse.json({ error: { code: 'UNAUTHORIZED' } }, { status: 401 });
      }),
    );
    const onError = vi.fn();
    renderEditor({ onError });

    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 401 })),
    );
    expect(requests).toBe(1);
  });

  it('throws the clear error mount() throws for a bad prop, and mounts nothing', () => {
    const caught = vi.fn();
    expectRenderError();
    const bad = { theme: 'pink' } as unknown as WebhookEndpointEditorProps;
    const { container } = render(
      <Boundary onError={caught}>
        <WebhookEndpointEditor {...bad} />
      </Boundary>,
    );

    expect(caught).toHaveBeenCalledTimes(1);
    const error = caught.mock.calls[0]?.[0] as Error;
    expect(error.name).toBe('EmbedOptionsError');
    expect(error.message).toBe(
      'Konpro webhook editor: invalid option "theme": theme must be light, dark or auto',
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('names an unknown prop as mount() names an unknown option', () => {
    const caught = vi.fn();
    expectRenderError();
    const typo = { endpointID: 'ep_1' } as unknown as WebhookEndpointEditorProps;
    act(() => {
      render(
        <Boundary onError={caught}>
          <WebhookEndpointEditor {...typo} />
        </Boundary>,
      );
    });
    expect((caught.mock.calls[0]?.[0] as Error).message).toBe(
      'Konpro webhook editor: unknown option "endpointID"',
    );
  });
});

/** React marks the element a root renders into, and clears the mark when the root unmounts. */
function holdsRoot(container: Element): boolean {
  return Object.entries(container).some(
    ([key, value]) => key.startsWith('__reactContainer') && Boolean(value),
  );
}

/**
 * React reports an error that a boundary caught on the console, and React 18 also rethrows it to
 * the window on its way there: in these tests it is the expected one.
 */
function expectRenderError() {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const quiet = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener('error', quiet);
  onTestFinished(() => window.removeEventListener('error', quiet));
}

class Boundary extends Component<{ onError: (error: unknown) => void; children: ReactNode }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
