// Who made the change a conflict is about, from whichever read of the history came last: the
// History keeps one read per number of entries it showed (21, then 41 after Show more).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../../contract/history';
import { endpointHistoryKey } from '../../api/endpoints';
import type { EndpointMerge } from './merge-changes';
import { useConflictActor } from './use-conflict-actor';

const THEIRS = 'https://theirs.example.com/hook';
const merge: EndpointMerge = {
  url: {
    kind: 'conflict',
    theirs: THEIRS,
    mine: 'https://mine.example.com/hook',
    reason: 'both-changed',
  },
  events: { kind: 'keep', value: 'all' },
  conflict: true,
};

const setUrl = (actor: string, at: string): HistoryEntry => ({
  at,
  actor,
  action: 'endpoint.update',
  request_id: `req_${actor}`,
  changes: { url: { from: 'https://old.example.com/hook', to: THEIRS } },
});

describe('the conflict actor', () => {
  it('reads the newest of the history reads, whatever number of entries each asked for', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const queryClient = new QueryClient();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      );
      const read = (limit: number, entries: HistoryEntry[]) => {
        vi.advanceTimersByTime(1000);
        act(() => void queryClient.setQueryData([...endpointHistoryKey('ep_1'), limit], entries));
      };
      read(21, [setUrl('ana@example.com', '2026-12-07T10:00:00Z')]);
      read(41, [setUrl('bo@example.com', '2026-12-07T11:00:00Z')]);
      const { result } = renderHook(() => useConflictActor('ep_1', merge), { wrapper });
      expect(result.current).toBe('bo@example.com');

      // The first page read again later (the endpoint opened anew): that is the newest now.
      read(21, [setUrl('cy@example.com', '2026-12-07T12:00:00Z')]);
      expect(result.current).toBe('cy@example.com');
    } finally {
      vi.useRealTimers();
    }
  });
});
