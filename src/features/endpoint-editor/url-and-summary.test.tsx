import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../contract/schemas';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';

const store: Endpoint[] = [];
const bodies: Record<string, unknown>[] = [];

beforeEach(() => {
  store.splice(0, store.length, makeEndpoint());
  bodies.length = 0;
  server.use(
    ...readHandlers(store),
    http.patch(`${API}/endpoint.update`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      const saved = { ...store[0], ...body } as Endpoint;
      store[0] = saved;
      return HttpResponse.json(saved);
    }),
  );
});

async function openEditor() {
  const app = renderEditor('ep_1');
  const url = await screen.findByLabelText('Endpoint URL');
  return { ...app, url };
}

const summary = () => screen.getByRole('region', { name: 'Changes to save' });

describe('the URL as typed and as sent', () => {
  it('drops the spaces and line breaks around a pasted URL', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.paste('  https://pasted.example.com/hook\n');
    expect(url).toHaveValue('https://pasted.example.com/hook');
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://pasted.example.com/hook' }]);
  });

  it('trims a space typed at the end, rather than refusing it', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, 'https://typed.example.com/hook {Enter}');
    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://typed.example.com/hook' }]);
  });

  it('says what an internationalised URL is sent as, and sends exactly that', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, 'https://Bücher.example/hook');
    expect(screen.getByText(/It is sent as/)).toHaveTextContent(
      'It is sent as https://xn--bcher-kva.example/hook.',
    );
    expect(summary()).toHaveTextContent('→ https://xn--bcher-kva.example/hook');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved');
    expect(bodies).toEqual([{ endpoint_id: 'ep_1', url: 'https://xn--bcher-kva.example/hook' }]);
  });

  it('says nothing about a URL that is sent as typed', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, 'https://plain.example.com/hook');
    expect(screen.queryByText(/It is sent as/)).toBeNull();
  });

  it('marks an invalid URL in the summary instead of listing it as a change', async () => {
    const { user, url } = await openEditor();
    await user.clear(url);
    await user.type(url, 'http://insecure.example.com/hook');
    expect(summary()).toHaveTextContent(
      'URL: not valid yet (The URL must start with https://). It stays https://hooks.example.com/konpro until it is corrected.',
    );
    expect(within(summary()).queryByText('http://insecure.example.com/hook')).toBeNull();
  });
});

describe('the summary and the saved panel', () => {
  it('names the events when "All events" becomes a short selection', async () => {
    store.splice(0, 1, makeEndpoint({ events: [] }));
    const { user } = await openEditor();
    await user.click(screen.getByRole('radio', { name: 'Selected events' }));
    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    expect(summary()).toHaveTextContent('Events: All events → personalized_video');
  });

  it('counts a long selection and names its first events in catalog order', async () => {
    store.splice(0, 1, makeEndpoint({ events: [] }));
    const { user } = await openEditor();
    await user.click(screen.getByRole('radio', { name: 'Selected events' }));
    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('button', { name: 'Expand all groups' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all video_translate events' }));
    await user.click(screen.getByRole('checkbox', { name: 'avatar_video.fail' }));
    expect(summary()).toHaveTextContent(
      'Events: All events → 4 selected events (avatar_video.fail, video_translate.success, video_translate.fail, and 1 more)',
    );
  });

  it('lists the saved events in catalog order, not in the order they were ticked', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('checkbox', { name: 'personalized_video' }));
    await user.click(screen.getByRole('checkbox', { name: 'avatar_video.fail' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const panel = await screen.findByRole('region', { name: 'What the server saved' });
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['avatar_video.success', 'avatar_video.fail', 'personalized_video']);
  });
});
