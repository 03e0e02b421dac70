// Editors on one page that talk to the same backend share one QueryClient: a save in one is at
// once, for the others, a change made elsewhere. The shared client also carries the link to other
// tabs. The last editor to leave clears it, so unmounting leaves nothing behind.
import type { QueryClient } from '@tanstack/react-query';
import { syncAcrossTabs } from '../api/cross-tab-sync';
import { createQueryClient } from './query-client';

type Entry = { queryClient: QueryClient; users: number; disconnect: () => void };

const shared = new Map<string, Entry>();

/** The absolute API base, so `/api` and `https://this-origin/api/` are one backend. */
export function backendOf(apiBaseUrl: string): string {
  return new URL(apiBaseUrl, window.location.href).href.replace(/\/+$/, '');
}

export function acquireQueryClient(backend: string): {
  queryClient: QueryClient;
  release: () => void;
} {
  let entry = shared.get(backend);
  if (entry === undefined) {
    const queryClient = createQueryClient();
    entry = { queryClient, users: 0, disconnect: syncAcrossTabs(queryClient, backend) };
    shared.set(backend, entry);
  }
  const held = entry;
  held.users += 1;
  let released = false;
  return {
    queryClient: held.queryClient,
    release: () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      held.disconnect();
      held.queryClient.clear();
      shared.delete(backend);
    },
  };
}
