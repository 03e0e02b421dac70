// The embedded engine: sessions and history in the data folder (beside KONPRO_DATA_FILE), for one
// copy of the server with no database to run. Sessions are one small file rewritten atomically;
// history is appended one JSON line per entry and read into memory at start. The write lock is the
// process's own queue: with this engine there is one process.
import { mkdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStrayTempFiles, SerialQueue, writeFileAtomic } from './atomic-file';
import { EndpointQueue } from './endpoint-queue';
import { hashSessionId, newSessionId } from './session-id';
import {
  EXPIRED_SESSION_KEPT_MS,
  type HistoryEntry,
  type Store,
  type StoredSession,
} from './store';

const SESSIONS = 'sessions.json';
const HISTORY = 'history.jsonl';

export interface FileStoreOptions {
  folder: string;
  now?: () => number;
}

/** Opens synchronously, so the server can be built in one step; a bad file stops the start. */
export function openFileStore({ folder, now = Date.now }: FileStoreOptions): Store {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const sessionsFile = join(folder, SESSIONS);
  const historyFile = join(folder, HISTORY);
  removeStrayTempFiles(sessionsFile);
  removeStrayTempFiles(historyFile);
  const sessions = new Map(Object.entries(readJson(sessionsFile)));
  let history = readLines(historyFile);
  const writes = new SerialQueue();
  let healthy = true;
  const track = async (write: Promise<void>) => {
    try {
      await write;
      healthy = true;
    } catch (error) {
      healthy = false;
      throw error;
    }
  };
  const saveSessions = () =>
    track(
      writes.run(() => writeFileAtomic(sessionsFile, JSON.stringify(Object.fromEntries(sessions)))),
    );
  const kept = (session: StoredSession) => session.expires_at > now() - EXPIRED_SESSION_KEPT_MS;

  return {
    engine: 'file',
    sessions: {
      async create(session) {
        const id = newSessionId();
        // Sessions long expired are dropped whenever one begins, so the file stays small.
        for (const [key, value] of sessions) if (!kept(value)) sessions.delete(key);
        sessions.set(hashSessionId(id), session);
        await saveSessions();
        return id;
      },
      get: (id) => Promise.resolve(sessions.get(hashSessionId(id)) ?? null),
      async delete(id) {
        if (sessions.delete(hashSessionId(id))) await saveSessions();
      },
    },
    history: {
      async record(entry) {
        await track(
          writes.run(() => appendFile(historyFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 })),
        );
        history.push(entry);
      },
      list(endpointId, limit) {
        const found: HistoryEntry[] = [];
        for (let i = history.length - 1; i >= 0 && found.length < limit; i -= 1) {
          const entry = history[i];
          if (entry?.endpoint_id === endpointId) found.push(entry);
        }
        return Promise.resolve(found);
      },
      async prune(before) {
        const kept = history.filter((entry) => Date.parse(entry.at) >= before.getTime());
        const dropped = history.length - kept.length;
        if (dropped === 0) return 0;
        await track(
          writes.run(() =>
            writeFileAtomic(historyFile, kept.map((e) => `${JSON.stringify(e)}\n`).join('')),
          ),
        );
        history = kept;
        return dropped;
      },
    },
    lock: new EndpointQueue(),
    ready: () => Promise.resolve(healthy),
    close: () => writes.run(() => Promise.resolve()),
  };
}

function readJson(file: string): Record<string, StoredSession> {
  const text = readOptional(file);
  if (text === null) return {};
  try {
    return JSON.parse(text) as Record<string, StoredSession>;
  } catch {
    throw new Error(`${file} is not valid JSON: remove it to sign everyone out and start afresh`);
  }
}

function readLines(file: string): HistoryEntry[] {
  const text = readOptional(file);
  if (text === null) return [];
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as HistoryEntry);
    } catch {
      // A line cut short by a crash mid-append: the entries before it stand.
    }
  }
  return entries;
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
