// What one keystroke or one tick renders. A big account has 1,000 event types on screen: the
// checklist must stay out of a keystroke in the URL, and the form must render once per input.
// Counted by wrapping the components (and the per-row description lookup) the form renders.
import { createElement } from 'react';
import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventTypesQueryOptions } from '../../api/event-types';
import { API, makeEndpoint, readHandlers } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderEditor } from '../../test/render-app';

const renders = vi.hoisted(() => ({ checklist: 0, rows: 0, summary: 0 }));

vi.mock('../../endpoint-form/event-checklist', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../endpoint-form/event-checklist')>();
  return {
    EventChecklist: (props: Parameters<typeof real.EventChecklist>[0]) => {
      renders.checklist += 1;
      return createElement(real.EventChecklist, props);
    },
  };
});

// Every event row looks its description up once per render.
vi.mock('../../endpoint-form/event-descriptions', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../endpoint-form/event-descriptions')>();
  return {
    describeEvent: (eventType: string) => {
      renders.rows += 1;
      return real.describeEvent(eventType);
    },
  };
});

vi.mock('./change-summary', async (importOriginal) => {
  const real = await importOriginal<typeof import('./change-summary')>();
  return {
    ChangeSummary: (props: Parameters<typeof real.ChangeSummary>[0]) => {
      renders.summary += 1;
      return createElement(real.ChangeSummary, props);
    },
  };
});

beforeEach(() => server.use(...readHandlers()));

async function openEditor() {
  const app = renderEditor('ep_1');
  const url = await screen.findByLabelText('Endpoint URL');
  await screen.findByRole('checkbox', { name: 'avatar_video.fail' });
  await app.user.click(url);
  Object.assign(renders, { checklist: 0, rows: 0, summary: 0 });
  return { ...app, url };
}

describe('what the editor renders on an input', () => {
  it('renders neither the checklist nor a row on a keystroke in the URL', async () => {
    const { user, url } = await openEditor();
    await user.type(url, '/new');
    expect(url).toHaveValue('https://hooks.example.com/konpro/new');
    expect(renders.summary).toBe(4);
    expect(renders.checklist).toBe(0);
    expect(renders.rows).toBe(0);
  });

  it('with all events, lists the test events (the whole catalog) no more on a keystroke', async () => {
    server.use(...readHandlers([makeEndpoint({ events: [] })]));
    const app = renderEditor('ep_1');
    const url = await screen.findByLabelText('Endpoint URL');
    await screen.findByRole('combobox', { name: 'Test event' });
    // The catalog as loaded is what the Test event list shows: each rendering of it maps it.
    const catalog = app.queryClient.getQueryData<string[]>(
      eventTypesQueryOptions(app.apiClient).queryKey,
    );
    const listed = vi.spyOn(catalog ?? [], 'map');
    await app.user.type(url, '/new');
    expect(url).toHaveValue('https://hooks.example.com/konpro/new');
    expect(listed).not.toHaveBeenCalled();
  });

  it('renders the form once on the first keystroke, though it makes the editor dirty', async () => {
    const { user, url } = await openEditor();
    await user.type(url, 'x');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    expect(renders.summary).toBe(1);
  });

  // The History below the form arrives on its own time, often during the first keystrokes; the
  // form reads it only to name who made a conflicting change, so without a conflict it is not news.
  it('does not render the form when the history arrives', async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(`${API}/endpoint.history`, async () => {
        await held;
        return HttpResponse.json({ data: [] });
      }),
    );
    await openEditor();
    answer();
    expect(await screen.findByText('No changes recorded yet')).toBeVisible();
    expect(renders.summary).toBe(0);
  });

  it('renders the checklist and the ticked row alone on a tick', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('checkbox', { name: 'avatar_video.fail' }));
    expect(screen.getByRole('checkbox', { name: 'avatar_video.fail' })).toBeChecked();
    expect(renders.summary).toBe(1);
    expect(renders.checklist).toBe(1);
    expect(renders.rows).toBe(1);
  });
});
