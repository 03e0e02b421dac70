// One contract, two engines: everything the server relies on from its store, run against the
// embedded store in a temp folder and against a real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support/fresh-database';
import { tempDir } from '../test-support/temp-dir';
import { ABANDONED } from './endpoint-queue';
import { openFileStore } from './file-store';
import { openPostgresStore } from './postgres-store';
import {
  EXPIRED_SESSION_KEPT_MS,
  type HistoryEntry,
  type Store,
  type StoredSession,
} from './store';

type Open = (clock: { now: number }) => Promise<Store>;
/** Another copy of the server on the same store; the embedded store has one copy, itself. */
type Copy = (store: Store, open: Open, clock: { now: number }) => Promise<Store>;

const engines: [string, () => Promise<Open>, Copy][] = [
  [
    'file',
    async () => {
      const folder = await tempDir();
      return (clock) => Promise.resolve(openFileStore({ folder, now: () => clock.now }));
    },
    (store) => Promise.resolve({ ...store, close: () => Promise.resolve() }),
  ],
  [
    'postgres',
    async () => {
      const url = await freshDatabase();
      return (clock) => openPostgresStore({ url, now: () => clock.now, max: 4 });
    },
    (_, open, clock) => open(clock),
  ],
];

const SESSION: StoredSession = {
  sub: 'user-1',
  email: 'ana@team.example',
  email_verified: true,
  name: 'Ana',
  id_token: 'x'.repeat(8_000),
  expires_at: 0,
};

const entry = (
  endpointId: string,
  n: number,
  at = `2026-12-0${1 + (n % 5)}T10:00:00.000Z`,
): HistoryEntry => ({
  endpoint_id: endpointId,
  at,
  actor: `admin${n}@team.example`,
  action: 'endpoint.update',
  request_id: `req_${n}`,
  changes: {
    url: { from: `https://a${n}.example/h`, to: `https://b${n}.example/h` },
    events_added: ['all'],
  },
});

describe.each(engines)('the %s store', (_, prepare, copy) => {
  const setUp = async () => {
    const open = await prepare();
    const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
    const store = await open(clock);
    return { open, clock, store };
  };

  it('keeps a session by an opaque id of at most 200 bytes, and ends it for every reader', async () => {
    const { open, clock, store } = await setUp();
    const id = await store.sessions.create({ ...SESSION, expires_at: clock.now + 60_000 });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.sessions.get(id)).toEqual({ ...SESSION, expires_at: clock.now + 60_000 });
    const other = await copy(store, open, clock);
    expect(await other.sessions.get(id)).toMatchObject({ email: 'ana@team.example' });
    await store.sessions.delete(id);
    expect(await other.sessions.get(id)).toBeNull();
    expect(await store.sessions.get(id)).toBeNull();
    // A restart keeps sessions that were not ended.
    const kept = await store.sessions.create({ ...SESSION, expires_at: clock.now + 60_000 });
    await other.close();
    await store.close();
    const restarted = await open(clock);
    expect(await restarted.sessions.get(kept)).toMatchObject({ email: 'ana@team.example' });
    await restarted.close();
  });

  it('tells a session past its time by its expiry, and knows no made-up id', async () => {
    const { clock, store } = await setUp();
    const id = await store.sessions.create({ ...SESSION, expires_at: clock.now + 1_000 });
    const last = id.endsWith('A') ? 'B' : 'A';
    expect(await store.sessions.get(`${id.slice(0, -1)}${last}`)).toBeNull();
    expect(await store.sessions.get('')).toBeNull();
    clock.now += 1_000;
    const expired = await store.sessions.get(id);
    expect(expired === null || expired.expires_at <= clock.now).toBe(true);
    // Sessions expired for over a day are cleared away as new ones begin.
    clock.now += EXPIRED_SESSION_KEPT_MS;
    await store.sessions.create({ ...SESSION, expires_at: clock.now + 1_000 });
    expect(await store.sessions.get(id)).toBeNull();
    await store.close();
  });

  it('lists an endpoint’s history newest first, up to a limit, and only that endpoint’s', async () => {
    const { open, clock, store } = await setUp();
    for (let n = 0; n < 30; n += 1) await store.history.record(entry(n % 2 ? 'ep_b' : 'ep_a', n));
    const listed = await store.history.list('ep_a', 10);
    expect(listed).toHaveLength(10);
    expect(listed.map((e) => e.request_id)).toEqual(
      [28, 26, 24, 22, 20, 18, 16, 14, 12, 10].map((n) => `req_${n}`),
    );
    expect(listed[0]).toEqual(entry('ep_a', 28));
    expect(await store.history.list('ep_none', 10)).toEqual([]);
    await store.close();
    // It is kept across a restart.
    const reopened = await open(clock);
    expect(await reopened.history.list('ep_b', 100)).toHaveLength(15);
    await reopened.close();
  });

  it('drops entries older than the retention', async () => {
    const { store } = await setUp();
    await store.history.record(entry('ep_a', 1, '2025-01-01T00:00:00.000Z'));
    await store.history.record(entry('ep_a', 2, '2026-12-06T00:00:00.000Z'));
    expect(await store.history.prune(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect((await store.history.list('ep_a', 10)).map((e) => e.request_id)).toEqual(['req_2']);
    await store.close();
  });

  it('runs writes to one endpoint one at a time, across copies, and others side by side', async () => {
    const { open, clock, store } = await setUp();
    const other = await copy(store, open, clock);
    const never = new AbortController().signal;
    const log: string[] = [];
    const write = (copy: Store, endpoint: string, name: string) =>
      copy.lock.run(
        endpoint,
        async () => {
          log.push(`${name} start`);
          await new Promise((resolve) => setTimeout(resolve, 80));
          log.push(`${name} end`);
          return name;
        },
        never,
      );
    const results = await Promise.all([
      write(store, 'ep_a', 'a1'),
      write(other, 'ep_a', 'a2'),
      write(store, 'ep_a', 'a3'),
    ]);
    expect(results).toEqual(['a1', 'a2', 'a3']);
    // Each write ends before the next one to the endpoint starts.
    for (let i = 0; i < log.length; i += 2)
      expect(log[i]?.replace(' start', ' end')).toBe(log[i + 1]);
    log.length = 0;
    await Promise.all([write(store, 'ep_a', 'x'), write(other, 'ep_b', 'y')]);
    expect(log.slice(0, 2).sort()).toEqual(['x start', 'y start']);
    await other.close();
    await store.close();
  });

  it('gives up a write abandoned while it waits, and never runs it', async () => {
    const { open, clock, store } = await setUp();
    const other = await copy(store, open, clock);
    const never = new AbortController().signal;
    let release: () => void = () => undefined;
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const first = store.lock.run(
      'ep_a',
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('first');
          holding();
        }),
      never,
    );
    // The first write holds the lock before the second asks (a fixed wait was too short when busy).
    await held;
    const waiting = new AbortController();
    let ran = false;
    const second = other.lock.run(
      'ep_a',
      () => ((ran = true), Promise.resolve('second')),
      waiting.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    waiting.abort();
    expect(await second).toBe(ABANDONED);
    release();
    expect(await first).toBe('first');
    expect(ran).toBe(false);
    await other.close();
    await store.close();
  });
});
