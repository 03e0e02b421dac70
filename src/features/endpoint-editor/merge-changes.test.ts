import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Subscription,
  mergeChanges,
  mergeEvents,
  mergeUrl,
  sameSubscription,
  subscriptionFromWire,
  subscriptionToWire,
} from './merge-changes';

describe('merging two admins’ event changes', () => {
  it('keeps a box ticked elsewhere when a box is unticked here (the two-tab report)', () => {
    const base = ['video.updated', 'avatar_video.success'];
    const theirs = ['video.updated', 'avatar_video.success', 'batch.finished'];
    const mine = ['avatar_video.success'];
    expect(mergeEvents(base, theirs, mine)).toEqual({
      kind: 'send',
      value: ['avatar_video.success', 'batch.finished'],
    });
  });

  it('sends nothing when the other side already made the same change', () => {
    expect(mergeEvents(['a.x'], ['a.x', 'b.x'], ['b.x', 'a.x'])).toEqual({
      kind: 'keep',
      value: ['a.x', 'b.x'],
    });
  });

  it('sends nothing when this side’s change is already on the server', () => {
    // Ticked here and elsewhere; unticked elsewhere only: the server holds the merged result.
    expect(mergeEvents(['a.x', 'c.x'], ['a.x', 'b.x'], ['a.x', 'b.x', 'c.x'])).toEqual({
      kind: 'keep',
      value: ['a.x', 'b.x'],
    });
    expect(mergeEvents(['a.x', 'c.x'], ['a.x'], ['a.x', 'c.x'])).toEqual({
      kind: 'keep',
      value: ['a.x'],
    });
  });

  it('is a conflict, never "all events", when both sides together untick everything', () => {
    expect(mergeEvents(['a.x', 'b.x'], ['a.x'], ['b.x'])).toMatchObject({
      kind: 'conflict',
      reason: 'would-be-empty',
      theirs: ['a.x'],
      mine: ['b.x'],
    });
  });

  it('is a conflict when all events were chosen elsewhere and the selection edited here', () => {
    expect(mergeEvents(['a.x'], 'all', ['a.x', 'b.x'])).toMatchObject({
      kind: 'conflict',
      reason: 'theirs-chose-all',
    });
  });

  it('is a conflict when all events were chosen here and a box unticked elsewhere', () => {
    expect(mergeEvents(['a.x', 'b.x'], ['a.x'], 'all')).toMatchObject({
      kind: 'conflict',
      reason: 'theirs-removed',
    });
  });

  it('sends all events when chosen here and boxes were only ticked elsewhere', () => {
    expect(mergeEvents(['a.x'], ['a.x', 'b.x'], 'all')).toEqual({ kind: 'send', value: 'all' });
  });

  it('is a conflict when both replaced all events with different selections', () => {
    expect(mergeEvents('all', ['a.x'], ['b.x'])).toMatchObject({
      kind: 'conflict',
      reason: 'both-replaced',
    });
    expect(mergeEvents('all', ['a.x', 'b.x'], ['b.x', 'a.x'])).toMatchObject({ kind: 'keep' });
  });
});

describe('merging two admins’ URL changes', () => {
  it('sends my URL when only I changed it', () => {
    expect(mergeUrl('https://a', 'https://a', 'https://b')).toEqual({
      kind: 'send',
      value: 'https://b',
    });
  });

  it('keeps theirs, and sends no URL, when only they changed it', () => {
    expect(mergeUrl('https://a', 'https://c', 'https://a')).toEqual({
      kind: 'keep',
      value: 'https://c',
    });
  });

  it('is a conflict when both changed it differently', () => {
    expect(mergeUrl('https://a', 'https://c', 'https://b')).toEqual({
      kind: 'conflict',
      theirs: 'https://c',
      mine: 'https://b',
      reason: 'both-changed',
    });
  });

  it('makes the whole merge a conflict when one field conflicts', () => {
    const merge = mergeChanges(
      { url: 'https://a', events: ['a.x'] },
      { url: 'https://c', events: ['a.x'] },
      { url: 'https://b', events: ['a.x', 'b.x'] },
    );
    expect(merge.conflict).toBe(true);
    expect(merge.events).toEqual({ kind: 'send', value: ['a.x', 'b.x'] });
  });
});

describe('the wire form', () => {
  it('reads [] as all events and never writes an empty selection', () => {
    expect(subscriptionFromWire([])).toBe('all');
    expect(subscriptionToWire('all')).toEqual([]);
    expect(() => subscriptionToWire([])).toThrow(/empty selection/);
  });
});

// Property-based: for any base, theirs and mine over a small catalog (so that sides collide
// often), plus one type the catalog does not list yet, which only "all events" holds.
const CATALOG = ['a.one', 'a.two', 'b.one', 'b.two', 'c.one'];
const FUTURE = 'added.later';
const UNIVERSE = [...CATALOG, FUTURE];
const RUNS = { numRuns: 20_000 };

const selection = fc.shuffledSubarray(CATALOG, { minLength: 1 });
const subscription: fc.Arbitrary<Subscription> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('all' as const) },
  { weight: 4, arbitrary: selection },
);
/** Base, theirs and mine; each side often leaves base as it was. The form refuses an empty
 * selection before saving, but mine includes it, so the merge is safe even without the form. */
const triple = subscription.chain((base) =>
  fc.tuple(
    fc.constant(base),
    fc.oneof(fc.constant(base), subscription),
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(base) },
      { weight: 5, arbitrary: subscription },
      { weight: 1, arbitrary: fc.constant([] as string[]) },
    ),
  ),
);

const has = (subscription: Subscription, event: string) =>
  subscription === 'all' || subscription.includes(event);

/** Per event: a side that changed it wins (both changing it agree), else the base value. */
function perEventResult(base: Subscription, theirs: Subscription, mine: Subscription): string[] {
  return UNIVERSE.filter((event) => {
    if (has(mine, event) !== has(base, event)) return has(mine, event);
    if (has(theirs, event) !== has(base, event)) return has(theirs, event);
    return has(base, event);
  });
}

describe('the event merge, for any base, theirs and mine', () => {
  it('keeps every change of both sides that does not conflict', () => {
    fc.assert(
      fc.property(triple, ([base, theirs, mine]) => {
        const merged = mergeEvents(base, theirs, mine);
        if (merged.kind === 'conflict') return;
        const expected = perEventResult(base, theirs, mine);
        expect(UNIVERSE.filter((event) => has(merged.value, event))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('never produces an empty selection, and "all events" only when chosen', () => {
    fc.assert(
      fc.property(triple, ([base, theirs, mine]) => {
        const merged = mergeEvents(base, theirs, mine);
        if (merged.kind === 'conflict') return;
        if (merged.value !== 'all') {
          expect(merged.value.length).toBeGreaterThan(0);
          return;
        }
        const choseAll = mine === 'all' || (sameSubscription(mine, base) && theirs === 'all');
        expect(choseAll).toBe(true);
      }),
      RUNS,
    );
  });

  it('sends only what differs from the server, with no duplicates', () => {
    fc.assert(
      fc.property(triple, ([base, theirs, mine]) => {
        const merged = mergeEvents(base, theirs, mine);
        if (merged.kind === 'conflict') return;
        expect(merged.kind === 'keep').toBe(sameSubscription(merged.value, theirs));
        if (merged.value !== 'all') {
          expect(new Set(merged.value).size).toBe(merged.value.length);
        }
      }),
      RUNS,
    );
  });

  it('reports a conflict only when both sides changed events, and says why', () => {
    fc.assert(
      fc.property(triple, ([base, theirs, mine]) => {
        const merged = mergeEvents(base, theirs, mine);
        if (merged.kind !== 'conflict') return;
        expect(sameSubscription(mine, base)).toBe(false);
        const perEvent = perEventResult(base, theirs, mine);
        switch (merged.reason) {
          case 'would-be-empty':
            expect(perEvent).toEqual([]);
            break;
          case 'theirs-removed':
            // All events but some: no list of types can say that.
            expect(perEvent).toContain(FUTURE);
            expect(perEvent.length).toBeLessThan(UNIVERSE.length);
            break;
          case 'theirs-chose-all':
            expect([base !== 'all', theirs, mine !== 'all']).toEqual([true, 'all', true]);
            break;
          case 'both-replaced':
            expect([base, theirs !== 'all', mine !== 'all']).toEqual(['all', true, true]);
            expect(sameSubscription(theirs, mine)).toBe(false);
            break;
          default:
            throw new Error(`unexpected reason ${merged.reason}`);
        }
        if (merged.reason !== 'would-be-empty') {
          expect(sameSubscription(theirs, base)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

const url = fc.constantFrom('https://a.example', 'https://b.example', 'https://c.example');

describe('the URL merge, for any base, theirs and mine', () => {
  it('keeps the one side’s change, and conflicts exactly when both changed it differently', () => {
    fc.assert(
      fc.property(url, url, url, (base, theirs, mine) => {
        const merged = mergeUrl(base, theirs, mine);
        const bothChanged = mine !== base && theirs !== base && mine !== theirs;
        expect(merged.kind === 'conflict').toBe(bothChanged);
        if (merged.kind === 'conflict') return;
        expect(merged.value).toBe(mine !== base ? mine : theirs);
        expect(merged.kind === 'send').toBe(merged.value !== theirs);
      }),
      RUNS,
    );
  });
});
