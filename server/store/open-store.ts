// The store the settings ask for, opened at start: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded store in the data folder. History older than HISTORY_DAYS is pruned at start and
// twice a day after.
import { openFileStore } from './file-store';
import { openPostgresStore } from './postgres-store';
import type { Store } from './store';

const PRUNE_EVERY_MS = 12 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpenStoreOptions {
  databaseUrl: string | undefined;
  folder: string;
  historyDays: number;
  log: (line: string) => void;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgresStore({ url: options.databaseUrl }).catch((error: unknown) => {
        throw new Error(
          `cannot open DATABASE_URL (${where(options.databaseUrl ?? '')}): ${describe(error)}`,
        );
      })
    : openFileStore({ folder: options.folder });
  const prune = async () => {
    try {
      await store.history.prune(new Date(Date.now() - options.historyDays * DAY_MS));
    } catch (error) {
      options.log(`history not pruned: ${describe(error)}`);
    }
  };
  await prune();
  setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
  return store;
}

/** Host, port and database: never the user or password. */
function where(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unreadable URL';
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code)
    ? `${error.message} (${code})`
    : error.message;
}
