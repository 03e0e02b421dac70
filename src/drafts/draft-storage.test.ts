import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeEndpoint } from '../test/fixtures';
import { accountOwner } from './draft-owner';
import type { EndpointFormValues } from '../endpoint-form/form-values';

const ADA = accountOwner('ada@example.com');
const BEN = accountOwner('ben@example.com');
const BASE: EndpointFormValues = {
  url: 'https://hooks.example.com/konpro',
  eventsMode: 'selected',
  events: ['avatar_video.success'],
};
const TYPED = { ...BASE, url: 'https://typed.example.com/hook' };

// The module remembers, for the life of the page, that signing out closed it: each test loads
// it afresh.
let storage: typeof import('./draft-storage');
let newEndpoint: typeof import('./new-endpoint-draft');
beforeEach(async () => {
  vi.resetModules();
  storage = await import('./draft-storage');
  newEndpoint = await import('./new-endpoint-draft');
});

describe('draft storage', () => {
  it('records who typed a draft and gives it back to them only', () => {
    storage.writeDraft(ADA, 'ep_1', BASE, TYPED);
    expect(sessionStorage.getItem('konpro-webhook-editor:draft:ep_1')).toContain(ADA);
    expect(storage.readDraft(ADA, 'ep_1')).toMatchObject({ owner: ADA, values: TYPED });
    expect(storage.readDraft(BEN, 'ep_1')).toBeNull();
    expect(storage.readDraft(null, 'ep_1')).toBeNull();
    expect(storage.hasUnsavedDraft(ADA, makeEndpoint())).toBe(true);
    expect(storage.hasUnsavedDraft(BEN, makeEndpoint())).toBe(false);
  });

  it('writes nothing while it does not know who is signed in', () => {
    storage.writeDraft(null, 'ep_1', BASE, TYPED);
    newEndpoint.writeNewEndpointDraft(null, TYPED);
    expect(sessionStorage.length).toBe(0);
  });

  it('gives the add form’s values back to whoever typed them only', () => {
    newEndpoint.writeNewEndpointDraft(ADA, TYPED);
    expect(newEndpoint.readNewEndpointDraft(ADA)).toEqual(TYPED);
    expect(newEndpoint.readNewEndpointDraft(BEN)).toBeNull();
    newEndpoint.writeNewEndpointDraft(BEN, null);
    expect(newEndpoint.readNewEndpointDraft(ADA)).toBeNull();
  });

  it('drops every other account’s drafts, and drafts that name nobody, once an admin is seen', () => {
    storage.writeDraft(ADA, 'ep_1', BASE, TYPED);
    newEndpoint.writeNewEndpointDraft(ADA, TYPED);
    storage.writeDraft(BEN, 'ep_2', BASE, TYPED);
    // As a draft was stored before drafts named their owner.
    sessionStorage.setItem(
      'konpro-webhook-editor:draft:ep_3',
      JSON.stringify({ base: BASE, values: TYPED, savedAt: 1 }),
    );
    sessionStorage.setItem('konpro-webhook-editor:height:list', '480');

    storage.keepOnlyDraftsOf(BEN);
    expect(Object.keys(sessionStorage).sort()).toEqual([
      'konpro-webhook-editor:draft:ep_2',
      'konpro-webhook-editor:height:list',
    ]);
    expect(storage.hasDraftsOf(BEN)).toBe(true);
    expect(storage.hasDraftsOf(ADA)).toBe(false);
  });

  it('counts the add form’s values among an admin’s drafts', () => {
    expect(storage.hasDraftsOf(ADA)).toBe(false);
    newEndpoint.writeNewEndpointDraft(ADA, TYPED);
    expect(storage.hasDraftsOf(ADA)).toBe(true);
    expect(storage.hasDraftsOf(null)).toBe(false);
  });

  it('drops every draft on sign-out and writes none again from that page', () => {
    storage.writeDraft(ADA, 'ep_1', BASE, TYPED);
    newEndpoint.writeNewEndpointDraft(ADA, TYPED);
    storage.dropAllDrafts();
    expect(sessionStorage.length).toBe(0);

    // A form still on screen until the page is gone, its merge base moved by a refresh.
    storage.writeDraft(ADA, 'ep_1', TYPED, BASE);
    newEndpoint.writeNewEndpointDraft(ADA, TYPED);
    expect(sessionStorage.length).toBe(0);
  });
});
