// A React portal brings its own React, 18.3 or 19. This file runs in the `react-18` test project,
// where `react` and `react-dom` are 18.3.1: the editor, mounted as a portal mounts it, must list,
// open, edit and save there too, with no React warning (the test setup fails on console.error).
import { waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { version } from 'react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Endpoint } from '../../contract/schemas';
import { API, makeEndpoint, readHandlers } from '../test/fixtures';
import { installAdoptedStyleSheets } from '../test/adopted-style-sheets';
import { preloadEditor } from './use-editor-module';
import { server } from '../test/msw-server';
import { editorIn, typeOver } from '../test/shadow-editor';
import { mount } from './embed-mount';
import type { MountHandle } from './embed-types';

beforeAll(installAdoptedStyleSheets);
// The editor's code is loaded (and, here, compiled) once before the tests, not within a test's
// wait for the form to appear.
beforeAll(() => preloadEditor());

let handle: MountHandle | null = null;
afterEach(() => {
  handle?.unmount();
  handle = null;
  document.body.replaceChildren();
});

it('runs on React 18.3', () => {
  expect(version).toMatch(/^18\.3\./);
});

it('lists, opens, edits and saves an endpoint on React 18.3', async () => {
  const store: Endpoint[] = [makeEndpoint()];
  const bodies: unknown[] = [];
  server.use(
    ...readHandlers(store),
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Partial<Endpoint>;
      bodies.push(body);
      store[0] = { ...makeEndpoint(), ...body };
      return HttpResponse.json(store[0]);
    }),
  );
  const saved: unknown[] = [];
  const host = document.body.appendChild(document.createElement('div'));
  handle = mount(host, { apiBaseUrl: 'http://localhost/api', onSaved: (e) => saved.push(e) });
  const app = editorIn(host);
  const user = userEvent.setup();

  await user.click(await app.findByRole('link', { name: 'https://hooks.example.com/konpro' }));
  const url = await app.findByLabelText<HTMLInputElement>('Endpoint URL');
  await typeOver(user, url, 'https://new.example.com/hook');
  await user.click(app.getByRole('button', { name: 'Save changes' }));

  await app.findByText('Saved');
  expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://new.example.com/hook' }]);
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]).toMatchObject({ endpoint_id: 'ep_1', url: 'https://new.example.com/hook' });

  // Nothing is left unsaved: Back goes straight to the list, which shows the new URL.
  await user.click(app.getByRole('link', { name: /All endpoints/ }));
  expect(await app.findByRole('link', { name: 'https://new.example.com/hook' })).toBeVisible();
  expect(app.queryByRole('dialog')).toBeNull();
});
