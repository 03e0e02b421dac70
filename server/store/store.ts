// What the server keeps beyond one request: admins' sessions, each endpoint's change history, and
// the per-endpoint write lock. One interface, two engines: PostgreSQL (DATABASE_URL), which copies
// of the server share, and a store in the data folder for one copy with no database to run. Both
// pass one contract suite (store-contract.test.ts).
import type { ABANDONED } from './endpoint-queue';

/** Who signed in, kept on the server; the cookie carries only the session's opaque id. */
export interface StoredSession {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string | undefined;
  /** For the provider's sign-out; any size. */
  id_token?: string | undefined;
  /** Epoch ms; the session is gone after it. */
  expires_at: number;
}

export interface SessionStore {
  /** A new session; resolves to its opaque id (what the cookie carries). */
  create(session: StoredSession): Promise<string>;
  /**
   * The session, or null when it was ended or never was. One past its `expires_at` may still be
   * returned until it is cleared away, so a reader can say "expired": the reader checks the time.
   */
  get(id: string): Promise<StoredSession | null>;
  /** Ends it for every copy of the cookie at once. */
  delete(id: string): Promise<void>;
}

export type HistoryAction =
  'endpoint.add' | 'endpoint.update' | 'endpoint.delete' | 'endpoint.secret';

/** `all` stands for "all events" (Konpro's empty list). */
export interface HistoryChanges {
  url?: { from: string | null; to: string };
  events_added?: string[];
  events_removed?: string[];
  /** The save found the endpoint changed by someone else since the page read it. */
  changed_elsewhere?: true;
}

export interface HistoryEntry {
  endpoint_id: string;
  /** ISO 8601. */
  at: string;
  actor: string;
  action: HistoryAction;
  request_id: string;
  changes: HistoryChanges;
}

export interface HistoryLog {
  record(entry: HistoryEntry): Promise<void>;
  /** Newest first. */
  list(endpointId: string, limit: number): Promise<HistoryEntry[]>;
  /** Drops entries older than `before`; resolves to how many. */
  prune(before: Date): Promise<number>;
}

/**
 * Writes to one endpoint, one at a time, across every copy that shares the store. A task whose
 * request was abandoned while it waited never runs.
 */
export interface EndpointLock {
  run<T>(
    endpointId: string,
    task: () => Promise<T>,
    abandoned: AbortSignal,
  ): Promise<T | typeof ABANDONED>;
}

export interface Store {
  readonly engine: 'postgres' | 'file';
  readonly sessions: SessionStore;
  readonly history: HistoryLog;
  readonly lock: EndpointLock;
  /** Usable now (for /readyz). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export { HISTORY_LIMIT } from '../../contract/history';

/** An expired session is kept this long, so an admin who comes back hears "expired", not "sign in". */
export const EXPIRED_SESSION_KEPT_MS = 24 * 60 * 60 * 1000;
