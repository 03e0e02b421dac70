// The PostgreSQL engine (DATABASE_URL): what several copies of the server share. Migrations run at
// start under an advisory lock, so copies that start together apply each one once. The write lock
// is a transaction-scoped advisory lock per endpoint, held while that write is checked and sent;
// within one copy, writes to an endpoint queue in memory first, so a burst holds one connection.
import postgres from 'postgres';
import { ABANDONED, EndpointQueue } from './endpoint-queue';
import { MIGRATIONS } from './migrations';
import { hashSessionId, newSessionId } from './session-id';
import {
  EXPIRED_SESSION_KEPT_MS,
  type EndpointLock,
  type HistoryEntry,
  type Store,
  type StoredSession,
} from './store';

// Any fixed number: the key of the lock that migrations are applied under.
const MIGRATION_LOCK = 7_354_201;
// Endpoint locks live in their own key space (the two-key form of the advisory lock).
const ENDPOINT_LOCK_SPACE = 7_354_202;

export interface PostgresStoreOptions {
  url: string;
  /** Connections per copy; each write in flight holds one. */
  max?: number;
  now?: () => number;
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 10,
    // A database that stops answering must not hold a request for longer than TCP's patience.
    query_timeout: 30,
  });
  const now = options.now ?? Date.now;
  try {
    await migrate(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }

  return {
    engine: 'postgres',
    sessions: {
      async create(session) {
        const id = newSessionId();
        await sql`insert into konpro_sessions ${sql({
          id_hash: hashSessionId(id),
          session: sql.json(toJson(session)),
          expires_at: new Date(session.expires_at),
        })}`;
        // Rows long expired go as new ones arrive; a few at a time keeps each sign-in quick.
        const before = new Date(now() - EXPIRED_SESSION_KEPT_MS);
        await sql`delete from konpro_sessions where id_hash in (
          select id_hash from konpro_sessions where expires_at <= ${before} limit 100)`;
        return id;
      },
      async get(id) {
        const rows = await sql<{ session: StoredSession }[]>`
          select session from konpro_sessions where id_hash = ${hashSessionId(id)}`;
        return rows[0]?.session ?? null;
      },
      async delete(id) {
        await sql`delete from konpro_sessions where id_hash = ${hashSessionId(id)}`;
      },
    },
    history: {
      async record(entry) {
        await sql`insert into konpro_history (endpoint_id, at, entry)
          values (${entry.endpoint_id}, ${new Date(entry.at)}, ${sql.json(toJson(entry))})`;
      },
      async list(endpointId, limit) {
        const rows = await sql<{ entry: HistoryEntry }[]>`
          select entry from konpro_history where endpoint_id = ${endpointId}
          order by seq desc limit ${limit}`;
        return rows.map((row) => row.entry);
      },
      async prune(before) {
        const result = await sql`delete from konpro_history where at < ${before}`;
        return result.count;
      },
    },
    lock: advisoryLock(sql),
    async ready() {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function migrate(sql: postgres.Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists konpro_migrations (
      id integer primary key, applied_at timestamptz not null default now())`;
    const done = new Set(
      (await tx<{ id: number }[]>`select id from konpro_migrations`).map((r) => r.id),
    );
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.unsafe(migration.sql);
      await tx`insert into konpro_migrations (id) values (${migration.id})`;
    }
  });
}

function advisoryLock(sql: postgres.Sql): EndpointLock {
  const local = new EndpointQueue();
  return {
    run(endpointId, task, abandoned) {
      return local.run(
        endpointId,
        async () => {
          try {
            return await sql
              .begin(async (tx) => {
                // Waiting for another copy's write counts against this request's deadline.
                await tx`select pg_advisory_xact_lock(${ENDPOINT_LOCK_SPACE}, hashtext(${endpointId}))`.signal(
                  abandoned,
                );
                if (abandoned.aborted) return ABANDONED;
                return task();
              })
              .signal(abandoned);
          } catch (error) {
            // Given up while waiting (for a connection or the lock): the task never ran.
            if (abandoned.aborted && isCanceled(error)) return ABANDONED;
            throw error;
          }
        },
        abandoned,
      );
    },
  };
}

function isCanceled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '57014';
}

function toJson(value: object): postgres.JSONValue {
  return JSON.parse(JSON.stringify(value)) as postgres.JSONValue;
}
