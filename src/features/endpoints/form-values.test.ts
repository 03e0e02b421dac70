import { describe, expect, it } from 'vitest';
import { makeEndpoint } from '../../test/fixtures';
import { buildPatch, endpointFormSchema, hasChanges, toFormValues } from './form-values';

const endpoint = makeEndpoint({ events: ['avatar_video.success', 'avatar_video.fail'] });

describe('buildPatch', () => {
  it('sends nothing but the id when nothing changed, even if the order of events did', () => {
    const values = {
      ...toFormValues(endpoint),
      events: ['avatar_video.fail', 'avatar_video.success'],
    };
    const patch = buildPatch(endpoint, values);
    expect(patch).toEqual({ endpoint_id: 'ep_1' });
    expect(hasChanges(patch)).toBe(false);
  });

  it('sends the URL in its normal form, and a new spelling of the same URL is no change', () => {
    const typed = { ...toFormValues(endpoint), url: '  https://NEW.example.com:443/a/../hook ' };
    expect(buildPatch(endpoint, typed)).toEqual({
      endpoint_id: 'ep_1',
      url: 'https://new.example.com/hook',
    });
    const same = { ...toFormValues(endpoint), url: endpoint.url.replace('https://', 'HTTPS://') };
    expect(buildPatch(endpoint, same)).toEqual({ endpoint_id: 'ep_1' });
  });

  it('sends only the URL when only the URL changed', () => {
    const values = { ...toFormValues(endpoint), url: 'https://new.example.com/hook' };
    expect(buildPatch(endpoint, values)).toEqual({
      endpoint_id: 'ep_1',
      url: 'https://new.example.com/hook',
    });
  });

  it('sends the whole new event list when events changed', () => {
    const values = {
      ...toFormValues(endpoint),
      events: ['avatar_video.success', 'personalized_video'],
    };
    expect(buildPatch(endpoint, values)).toEqual({
      endpoint_id: 'ep_1',
      events: ['avatar_video.success', 'personalized_video'],
    });
  });

  it('sends an empty list only when "All events" was chosen', () => {
    const values = { ...toFormValues(endpoint), eventsMode: 'all' as const };
    expect(buildPatch(endpoint, values)).toEqual({ endpoint_id: 'ep_1', events: [] });
  });

  it('reads an empty list from the server as "All events"', () => {
    expect(toFormValues(makeEndpoint({ events: [] })).eventsMode).toBe('all');
  });
});

describe('endpointFormSchema', () => {
  it('refuses "Selected events" with nothing ticked', () => {
    const result = endpointFormSchema.safeParse({
      url: 'https://example.com/hook',
      eventsMode: 'selected',
      events: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['events']);
  });

  it('accepts "All events" with nothing ticked', () => {
    const values = { url: 'https://example.com/hook', eventsMode: 'all', events: [] };
    expect(endpointFormSchema.safeParse(values).success).toBe(true);
  });

  it('refuses a plain http URL', () => {
    const values = { url: 'http://example.com/hook', eventsMode: 'all', events: [] };
    expect(endpointFormSchema.safeParse(values).success).toBe(false);
  });
});
