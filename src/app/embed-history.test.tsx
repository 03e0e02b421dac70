// `history: 'push'`: the editor's moves become entries in the page's history, and Back (a
// popstate) shows the view of the entry returned to; without it the history stays as it was.
import { act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installAdoptedStyleSheets } from '../test/adopted-style-sheets';
import { makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { editorIn } from '../test/shadow-editor';
import { mount } from './embed-mount';
import type { EmbedOptions, MountHandle } from './embed-types';
import { parseEmbedOptions } from './embed-options';
import { viewOfState } from './embed-history';
import { defineEditorElement } from './embed-element';
import { preloadEditor } from './use-editor-module';

beforeAll(installAdoptedStyleSheets);
beforeAll(() => preloadEditor());

let handle: MountHandle | null = null;
beforeEach(() => {
  server.use(...readHandlers([makeEndpoint()]));
  // Each test starts on a portal's own entry, with a router's state in it.
  window.history.replaceState({ portalKey: 'abc' }, '', '/portal/webhooks');
});
afterEach(() => {
  handle?.unmount();
  handle = null;
  document.body.replaceChildren();
});

function mountWith(options: EmbedOptions) {
  const host = document.body.appendChild(document.createElement('div'));
  handle = mount(host, { apiBaseUrl: 'http://localhost/api', ...options });
  return editorIn(host);
}

/** Back, as the browser does it: the entry changes, then popstate. */
async function back() {
  const popped = new Promise((resolve) =>
    window.addEventListener('popstate', resolve, { once: true }),
  );
  window.history.back();
  await act(async () => {
    await popped;
  });
}

describe('history option', () => {
  it('is none unless the portal says push, and refuses anything else', () => {
    expect(parseEmbedOptions({}).history).toBe('none');
    expect(parseEmbedOptions({ history: 'push' }).history).toBe('push');
    expect(() => parseEmbedOptions({ history: 'replace' })).toThrow(
      'invalid option "history": history must be push or none',
    );
  });

  it('with push, opening an endpoint is a history entry and Back returns to the list', async () => {
    const app = mountWith({ history: 'push' });
    const user = userEvent.setup();
    await user.click(await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    await app.findByLabelText('Endpoint URL');
    // A new entry: the one before it is the list's.
    expect(viewOfState(window.history.state)).toEqual({ name: 'endpoint', endpointId: 'ep_1' });
    // Same address; the portal's state is kept beside the editor's view.
    expect(window.location.pathname).toBe('/portal/webhooks');
    expect(window.history.state).toMatchObject({ portalKey: 'abc' });
    expect(viewOfState(window.history.state)).toEqual({ name: 'endpoint', endpointId: 'ep_1' });

    await back();
    expect(
      await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }),
    ).toBeVisible();
    expect(app.queryByLabelText('Endpoint URL')).toBeNull();
    expect(window.location.pathname).toBe('/portal/webhooks');
  });

  it('without it, moves add no entry', async () => {
    const app = mountWith({});
    const user = userEvent.setup();
    await user.click(await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    await app.findByLabelText('Endpoint URL');
    // The portal's entry, untouched.
    expect(window.history.state).toEqual({ portalKey: 'abc' });
  });

  it('leaves entries that are not its own to the portal', async () => {
    const app = mountWith({ history: 'push' });
    const user = userEvent.setup();
    await user.click(await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    await app.findByLabelText('Endpoint URL');
    // The portal's router pushes an entry of its own, then goes Back to it from a later one.
    window.history.pushState({ portalKey: 'def' }, '', '/portal/webhooks?tab=2');
    window.history.pushState({ portalKey: 'ghi' }, '', '/portal/webhooks?tab=3');
    await back();
    await waitFor(() => expect(window.location.search).toBe('?tab=2'));
    expect(app.getByLabelText('Endpoint URL')).toBeVisible();
  });

  it('stops listening when unmounted', async () => {
    mountWith({ history: 'push' });
    handle?.unmount();
    handle = null;
    window.history.pushState({ konproWebhookEditor: { name: 'add' } }, '');
    window.history.pushState({}, '');
    await back(); // would render into an unmounted root, which React reports as an error
  });

  it('is the history attribute of the custom element', async () => {
    defineEditorElement(mount);
    const element = document.createElement('konpro-webhook-editor');
    element.setAttribute('api-base-url', 'http://localhost/api');
    element.setAttribute('history', 'push');
    document.body.append(element);
    const app = editorIn(element);
    const user = userEvent.setup();
    await user.click(await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
    await app.findByLabelText('Endpoint URL');
    expect(viewOfState(window.history.state)).toEqual({ name: 'endpoint', endpointId: 'ep_1' });
    await back();
    expect(viewOfState(window.history.state)).toEqual({ name: 'list' });
    expect(
      await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }),
    ).toBeVisible();
    element.remove();
  });
});
