import { describe, expect, it } from 'vitest';
import { changesNothing, requestedChange } from './no-op-update';

const stored = { url: 'https://a.example.com/hook', events: ['video.created', 'video.updated'] };
const change = (body: unknown) => requestedChange(new TextEncoder().encode(JSON.stringify(body)));

describe('an update that changes nothing', () => {
  it.each([
    [{ endpoint_id: 'ep_1' }],
    [{ endpoint_id: 'ep_1', url: stored.url }],
    [{ endpoint_id: 'ep_1', events: ['video.updated', 'video.created', 'video.created'] }],
    [{ endpoint_id: 'ep_1', url: stored.url, events: [...stored.events] }],
    // Values that cannot be applied: taken as absent, never as a change.
    [{ endpoint_id: 'ep_1', url: null }],
    [{ endpoint_id: 'ep_1', url: 5, events: 'video.created' }],
    [{ endpoint_id: 'ep_1', status: 'disabled' }],
  ])('%j changes nothing', (body) => {
    const requested = change(body);
    expect(requested).not.toBeNull();
    if (requested) expect(changesNothing(requested, stored)).toBe(true);
  });

  it.each([
    [{ endpoint_id: 'ep_1', url: 'https://b.example.com/hook' }],
    [{ endpoint_id: 'ep_1', events: ['video.created'] }],
    // `null` and `[]` mean all events, a change from two named ones.
    [{ endpoint_id: 'ep_1', events: null }],
    [{ endpoint_id: 'ep_1', events: [] }],
  ])('%j is a change', (body) => {
    const requested = change(body);
    if (requested) expect(changesNothing(requested, stored)).toBe(false);
  });

  it('is a change when the stored endpoint is unknown and a field is named', () => {
    expect(changesNothing({ url: stored.url }, undefined)).toBe(false);
    expect(changesNothing({}, undefined)).toBe(true);
    expect(changesNothing({ events: [] }, { url: stored.url, events: null })).toBe(true);
  });

  it('is not judged for a body that is not a JSON object', () => {
    for (const text of ['', 'nope', '[]', 'null', '"x"']) {
      expect(requestedChange(new TextEncoder().encode(text))).toBeNull();
    }
    expect(requestedChange(undefined)).toBeNull();
  });
});
