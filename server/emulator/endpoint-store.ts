// The emulator's endpoints, kept in memory and in KONPRO_DATA_FILE. A change is applied to a copy,
// written to disk, and only then becomes visible and is acknowledged: a failed write changes nothing.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStrayTempFiles, SerialQueue, writeFileAtomic } from '../store/atomic-file';
import { readDataFile } from './read-data-file';
import { seedEndpoints } from './seed-endpoints';
import type { DataFile, StoredEndpoint } from './stored-endpoint';

export interface EndpointChanges {
  url?: string;
  events?: string[];
}

export class EndpointStore {
  private readonly queue = new SerialQueue();
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private endpoints: readonly StoredEndpoint[],
  ) {}

  /** Reads the file (throwing StoreOpenError when it is unusable); a missing file is seeded. */
  static open(file: string): EndpointStore {
    const stored = readDataFile(file);
    removeStrayTempFiles(file);
    if (stored) return new EndpointStore(file, stored);
    // The samples are visible at once; the first request to change anything queues behind their write.
    const store = new EndpointStore(file, seedEndpoints());
    void store.track(store.queue.run(() => store.write(store.endpoints)));
    return store;
  }

  /** Resolves when everything queued so far is on disk; rejects if the last write failed. */
  flushed(): Promise<void> {
    return this.pending;
  }

  /** For readiness: the data file's folder is still there, and this process may write in it. */
  async writable(): Promise<boolean> {
    try {
      await access(dirname(this.file), constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  list(username: string): StoredEndpoint[] {
    return this.endpoints.filter((endpoint) => endpoint.username === username);
  }

  add(endpoint: StoredEndpoint): Promise<StoredEndpoint> {
    return this.change((all) => ({ endpoints: [...all, endpoint], result: endpoint }));
  }

  /** Undefined when the id does not exist or belongs to someone else: both are "not found". */
  update(
    username: string,
    id: string,
    changes: EndpointChanges,
  ): Promise<StoredEndpoint | undefined> {
    return this.change((all) => {
      const index = all.findIndex((e) => e.endpoint_id === id && e.username === username);
      const current = all[index];
      if (!current) return { endpoints: all, result: undefined };
      const next: StoredEndpoint = { ...current, ...changes };
      return { endpoints: all.with(index, next), result: next };
    });
  }

  remove(username: string, id: string): Promise<StoredEndpoint | undefined> {
    return this.change((all) => {
      const found = all.find((e) => e.endpoint_id === id && e.username === username);
      if (!found) return { endpoints: all, result: undefined };
      return { endpoints: all.filter((e) => e !== found), result: found };
    });
  }

  private change<T>(
    apply: (all: readonly StoredEndpoint[]) => { endpoints: readonly StoredEndpoint[]; result: T },
  ): Promise<T> {
    return this.track(
      this.queue.run(async () => {
        const { endpoints, result } = apply(this.endpoints);
        if (endpoints !== this.endpoints) {
          await this.write(endpoints);
          this.endpoints = endpoints;
        }
        return result;
      }),
    );
  }

  private write(endpoints: readonly StoredEndpoint[]): Promise<void> {
    const data: DataFile = { version: 1, endpoints: [...endpoints] };
    return writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  private track<T>(task: Promise<T>): Promise<T> {
    this.pending = task.then(() => undefined);
    // Whoever awaits flushed() sees a failure; without this line an unawaited one would crash Node.
    this.pending.catch(() => undefined);
    return task;
  }
}
