import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { formCatalog } from '../i18n/catalogs/form';
import { MountI18n, useCatalogs } from '../i18n/mount-i18n';
import { EventChecklist } from './event-checklist';

const catalog = [
  'avatar_video.success',
  'avatar_video.fail',
  'video_translate.success',
  'video_translate.fail',
  'video_translate.preflight.validation_failed',
  'video_translate.preflight.download_failed',
  'personalized_video',
  'batch.finished',
];

function Harness({ initial, types = catalog }: { initial: string[]; types?: string[] }) {
  const [selected, setSelected] = useState(initial);
  return (
    <>
      <EventChecklist
        catalog={types}
        selected={selected}
        onChange={setSelected}
        skipTo={{ href: '#after', focus: () => document.getElementById('after')?.focus() }}
      />
      <button id="after" type="button">
        After the list
      </button>
      <output data-testid="selected">{selected.join(' ')}</output>
    </>
  );
}

const FORM = [formCatalog];

/** The form's text, as the editor's chunk provides it (app/endpoint-editor.tsx). */
function FormText({ children }: { children: ReactNode }) {
  return useCatalogs(FORM) ? children : null;
}

function renderChecklist(initial: string[], types?: string[], locale = 'en') {
  const user = userEvent.setup();
  render(
    <MountI18n locale={locale}>
      <FormText>
        <Harness initial={initial} types={types} />
      </FormText>
    </MountI18n>,
  );
  const selected = () => screen.getByTestId('selected').textContent.split(' ').filter(Boolean);
  return { user, selected };
}

const box = (name: string) => screen.getByRole('checkbox', { name });
const queryBox = (name: string) => screen.queryByRole('checkbox', { name });
const toggle = (name: RegExp) => screen.getByRole('button', { name });

describe('the event checklist', () => {
  it('opens the groups that hold a selection; the others are one line with their count', () => {
    renderChecklist(['avatar_video.success']);
    expect(toggle(/^avatar_video/)).toHaveAccessibleName('avatar_video 1 of 2 selected');
    expect(toggle(/^avatar_video/)).toHaveAttribute('aria-expanded', 'true');
    expect(box('avatar_video.fail')).not.toBeChecked();
    expect(toggle(/^video_translate/)).toHaveAccessibleName('video_translate 0 of 4 selected');
    expect(toggle(/^video_translate/)).toHaveAttribute('aria-expanded', 'false');
    expect(queryBox('video_translate.success')).toBeNull();
    // A group of one is its own box, always there.
    expect(box('personalized_video')).toBeVisible();
    expect(box('batch.finished')).toBeVisible();
  });

  it('opens and closes groups one by one or all at once', async () => {
    const { user } = renderChecklist([]);
    await user.click(toggle(/^video_translate/));
    expect(box('video_translate.preflight.download_failed')).toBeVisible();
    await user.click(toggle(/^video_translate/));
    expect(queryBox('video_translate.success')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Expand all groups' }));
    expect(box('avatar_video.fail')).toBeVisible();
    expect(box('video_translate.fail')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Collapse all groups' }));
    expect(queryBox('avatar_video.fail')).toBeNull();
  });

  it('names each box exactly by its event type and describes the documented ones', () => {
    renderChecklist(['avatar_video.success']);
    expect(box('avatar_video.success')).toHaveAccessibleDescription(
      'An avatar video finished rendering and is ready.',
    );
    expect(box('personalized_video')).toHaveAccessibleDescription(
      'A personalized video was generated.',
    );
    // No published meaning: the name alone.
    expect(box('batch.finished')).toHaveAccessibleDescription('');
  });

  it('writes a type as text that may wrap after each dot, with no element per part', () => {
    renderChecklist(['video_translate.preflight.validation_failed']);
    const name = box('video_translate.preflight.validation_failed')
      .closest('label')
      ?.querySelector('code');
    // A row is drawn a thousand times in a big account: each element in it is a thousand more.
    expect(name?.innerHTML).toBe('video_translate.<wbr>preflight.<wbr>validation_failed');
  });

  it('under a search shows every match as a box, even in closed groups, with true counts', async () => {
    const { user, selected } = renderChecklist(['video_translate.success']);
    await user.click(toggle(/^video_translate/)); // closed by hand: a search still shows it
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'fail');

    expect(box('avatar_video.fail')).toBeVisible();
    expect(box('video_translate.fail')).toBeVisible();
    expect(box('video_translate.preflight.validation_failed')).toBeVisible();
    expect(box('video_translate.preflight.download_failed')).toBeVisible();
    expect(queryBox('video_translate.success')).toBeNull();
    const group = screen.getByRole('group', { name: 'video_translate' });
    expect(group).toHaveTextContent('1 of 4 selected · 3 shown');

    const selectShown = within(group).getByRole('checkbox', {
      name: 'Select the 3 shown video_translate events',
    });
    await user.click(box('video_translate.fail'));
    expect(selectShown).toBePartiallyChecked();
    await user.click(selectShown);
    expect(selectShown).toBeChecked();
    expect(group).toHaveTextContent('4 of 4 selected · 3 shown');
    expect(selected()).toContain('video_translate.preflight.download_failed');
    // Only what was shown: the other groups' matches stay as they were.
    expect(box('avatar_video.fail')).not.toBeChecked();

    await user.click(selectShown);
    expect(selected()).toEqual(['video_translate.success']);
  });

  it('says so when nothing matches', async () => {
    const { user } = renderChecklist([]);
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'nothing');
    // The search reads as typed, isolated from the sentence around it.
    const none = screen.getByText('nothing');
    expect(none.tagName).toBe('BDI');
    expect(none.closest('p')).toHaveTextContent(/^No event types match “nothing”\.$/);
  });

  it('shows only the selected events, keeping one unticked meanwhile in place', async () => {
    const { user, selected } = renderChecklist(['avatar_video.fail', 'batch.finished']);
    await user.click(screen.getByRole('checkbox', { name: 'Show selected only' }));
    expect(box('avatar_video.fail')).toBeVisible();
    expect(box('batch.finished')).toBeVisible();
    expect(queryBox('avatar_video.success')).toBeNull();
    expect(queryBox('personalized_video')).toBeNull();

    await user.click(box('batch.finished'));
    expect(box('batch.finished')).not.toBeChecked();
    expect(selected()).toEqual(['avatar_video.fail']);

    await user.click(screen.getByRole('checkbox', { name: 'Show selected only' }));
    expect(box('personalized_video')).toBeVisible();
  });

  it('lists the selection at the top in catalog order, each with a button to untick it', async () => {
    const { user, selected } = renderChecklist(['batch.finished', 'avatar_video.fail']);
    const summary = screen.getByRole('group', { name: '2 of 8 selected' });
    const chips = within(summary).getAllByRole('button');
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Remove avatar_video.fail',
      'Remove batch.finished',
    ]);

    await user.click(chips[0] as HTMLElement);
    expect(selected()).toEqual(['batch.finished']);
    expect(screen.getByRole('button', { name: 'Remove batch.finished' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove batch.finished' }));
    expect(selected()).toEqual([]);
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveFocus();
    expect(screen.getByText('0 of 8 selected')).toBeVisible();
  });

  it('keeps a long selection short, with the way to see all of it', async () => {
    const { user } = renderChecklist(catalog);
    const summary = screen.getByRole('group', { name: '8 of 8 selected' });
    expect(within(summary).getAllByRole('button', { name: /^Remove/ })).toHaveLength(6);
    await user.click(within(summary).getByRole('button', { name: 'and 2 more: show all 8' }));
    expect(screen.getByRole('checkbox', { name: 'Show selected only' })).toBeChecked();
  });

  it('offers ticked events the catalog no longer has, so they can be unticked', async () => {
    const { user, selected } = renderChecklist(['avatar_video.success', 'old_thing.happened']);
    const group = screen.getByRole('group', { name: 'No longer offered' });
    await user.click(within(group).getByRole('checkbox', { name: 'old_thing.happened' }));
    expect(selected()).toEqual(['avatar_video.success']);
  });

  it('has a skip link past the list', async () => {
    const { user } = renderChecklist([]);
    await user.click(screen.getByRole('link', { name: 'Skip the event list' }));
    expect(screen.getByRole('button', { name: 'After the list' })).toHaveFocus();
  });
});

describe('the event checklist in other languages', () => {
  it('speaks German: counts as plurals, descriptions, and event types as they are', async () => {
    const { user } = renderChecklist(['avatar_video.success', 'old_thing.happened'], catalog, 'de');
    const summary = await screen.findByRole('group', { name: '2 von 9 ausgewählt' });
    expect(
      within(summary).getByRole('button', { name: 'old_thing.happened entfernen' }),
    ).toBeVisible();
    expect(toggle(/^avatar_video \d/)).toHaveAccessibleName('avatar_video 1 von 2 ausgewählt');
    expect(box('avatar_video.success')).toHaveAccessibleDescription(
      'Ein Avatar-Video ist fertig gerendert und bereit.',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Alle avatar_video-Events auswählen' }),
    ).toBeVisible();
    expect(screen.getByRole('group', { name: 'Nicht mehr angeboten' })).toBeVisible();

    await user.type(screen.getByRole('searchbox', { name: 'Events durchsuchen' }), 'success');
    const group = screen.getByRole('group', { name: 'video_translate' });
    expect(group).toHaveTextContent('0 von 4 ausgewählt · 1 angezeigt');
    await user.clear(screen.getByRole('searchbox', { name: 'Events durchsuchen' }));
    await user.type(screen.getByRole('searchbox', { name: 'Events durchsuchen' }), 'fail');
    expect(
      screen.getByRole('checkbox', { name: 'Die 3 angezeigten video_translate-Events auswählen' }),
    ).toBeVisible();
    await user.type(screen.getByRole('searchbox', { name: 'Events durchsuchen' }), 'xyz');
    expect(screen.getByText('failxyz').closest('p')).toHaveTextContent(
      'Kein Event-Typ passt zu „failxyz“.',
    );
  });

  it('speaks Arabic, with group names and event types left to right', async () => {
    renderChecklist(catalog, catalog, 'ar');
    const summary = await screen.findByRole('group', { name: 'تم تحديد 8 من 8' });
    expect(
      within(summary).getByRole('button', { name: 'وحدثان آخران: عرض الكل (8)' }),
    ).toBeVisible();
    const chip = within(summary).getByRole('button', { name: 'إزالة avatar_video.success' });
    expect(within(chip).getByText('avatar_video.success')).toHaveAttribute('dir', 'ltr');
    const group = screen.getByRole('group', { name: 'video_translate' });
    expect(document.getElementById(group.getAttribute('aria-labelledby') ?? '')).toHaveAttribute(
      'dir',
      'ltr',
    );
    expect(box('video_translate.fail')).toHaveAccessibleDescription('فشلت ترجمة فيديو.');
    const name = document.getElementById(
      box('batch.finished').getAttribute('aria-labelledby') ?? '',
    );
    expect(name).toHaveAttribute('dir', 'ltr');
  });
});
