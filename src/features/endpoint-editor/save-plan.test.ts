import { describe, expect, it } from 'vitest';
import { makeEndpoint } from '../../test/fixtures';
import { toFormValues } from '../../endpoint-form/form-values';
import { planSave } from './save-plan';

const server = toFormValues(
  makeEndpoint({ events: ['avatar_video.success', 'avatar_video.fail'] }),
);
/** Nobody else changed anything: the server still holds the form's base. */
const planAlone = (mine: typeof server) => planSave('ep_1', server, server, mine);

describe('planSave with nobody else at work', () => {
  it('sends nothing when nothing changed, even if the order of events did', () => {
    const plan = planAlone({ ...server, events: ['avatar_video.fail', 'avatar_video.success'] });
    expect(plan.patch).toBeNull();
    expect(plan.hasWork).toBe(false);
  });

  it('sends the URL in its normal form, and a new spelling of the same URL is no change', () => {
    const typed = { ...server, url: '  https://NEW.example.com:443/a/../hook ' };
    expect(planAlone(typed).patch).toEqual({
      endpoint_id: 'ep_1',
      url: 'https://new.example.com/hook',
    });
    const same = { ...server, url: server.url.replace('https://', 'HTTPS://') };
    expect(planAlone(same).patch).toBeNull();
    expect(planAlone(same).preview.url).toBe(server.url);
  });

  it('sends only the URL when only the URL changed', () => {
    expect(planAlone({ ...server, url: 'https://new.example.com/hook' }).patch).toEqual({
      endpoint_id: 'ep_1',
      url: 'https://new.example.com/hook',
    });
  });

  it('sends the whole new event list when events changed', () => {
    const plan = planAlone({ ...server, events: ['avatar_video.success', 'personalized_video'] });
    expect(plan.patch).toEqual({
      endpoint_id: 'ep_1',
      events: ['avatar_video.success', 'personalized_video'],
    });
  });

  it('sends an empty list only when "All events" was chosen', () => {
    expect(planAlone({ ...server, eventsMode: 'all' }).patch).toEqual({
      endpoint_id: 'ep_1',
      events: [],
    });
  });

  it('never sends an empty selection: it is invalid work for the form to refuse', () => {
    const plan = planAlone({ ...server, events: [] });
    expect(plan).toMatchObject({ patch: null, invalid: true, hasWork: true });
    expect(plan.preview).toMatchObject({ eventsMode: 'selected', events: [] });
  });
});

describe('planSave with a change saved elsewhere', () => {
  const theirs = { ...server, events: [...server.events, 'batch.finished'] };

  it('applies my removal to their list, and previews the merged result', () => {
    const mine = { ...server, events: ['avatar_video.success'] };
    const plan = planSave('ep_1', server, theirs, mine);
    expect(plan.patch).toEqual({
      endpoint_id: 'ep_1',
      events: ['avatar_video.success', 'batch.finished'],
    });
    expect(plan.preview.events).toEqual(['avatar_video.success', 'batch.finished']);
  });

  it('sends no URL when only the other side changed it', () => {
    const theirUrl = { ...theirs, url: 'https://theirs.example.com/hook' };
    const mine = { ...server, events: ['avatar_video.success'] };
    const plan = planSave('ep_1', server, theirUrl, mine);
    expect(plan.patch).not.toHaveProperty('url');
    expect(plan.preview.url).toBe('https://theirs.example.com/hook');
  });

  it('sends nothing while both changed the URL, and previews their value', () => {
    const theirUrl = { ...server, url: 'https://theirs.example.com/hook' };
    const mine = { ...server, url: 'https://mine.example.com/hook' };
    const plan = planSave('ep_1', server, theirUrl, mine);
    expect(plan).toMatchObject({ patch: null, hasWork: true });
    expect(plan.merge.conflict).toBe(true);
    expect(plan.preview.url).toBe('https://theirs.example.com/hook');
  });
});
