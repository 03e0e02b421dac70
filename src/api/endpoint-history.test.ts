// The history's cache across reads: each save reads it again, with one more entry on top.
import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../contract/history';
import { server } from '../test/msw-server';
import { createApiClient } from './api-client';
import { endpointHistoryQueryOptions, keepReadEntries } from './endpoint-history';

const client = createApiClient({ baseUrl: 'http://localhost/api' });

const entry = (n: number): HistoryEntry => ({
  at: `2026-12-07T12:00:0${n}.000Z`,
  actor: 'ana@example.com',
  action: 'endpoint.update',
  request_id: `req_${n}`,
  changes: { url: { from: `https://a.example/${n}`, to: `https://b.example/${n}` } },
});

describe('the history read again', () => {
  it('keeps the entries it had as they were, with the new one on top', async () => {
    const entries = [entry(1), entry(0)];
    server.use(
      http.get('http://localhost/api/v1/webhook/endpoint.history', ({ request }) => {
        // The page asks for the entries it shows, not all the server keeps.
        expect(new URL(request.url).searchParams.get('limit')).toBe('21');
        return HttpResponse.json({ data: entries });
      }),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = endpointHistoryQueryOptions(client, 'ep_1', 21);
    const first = await queryClient.query(options);

    entries.unshift(entry(2));
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const second = queryClient.getQueryData(options.queryKey);

    expect(second).toEqual(entries);
    // The same objects, not equal copies: the page renders them again only when they change.
    expect(second?.[1]).toBe(first[0]);
    expect(second?.[2]).toBe(first[1]);
  });

  it('keeps the whole list when nothing changed, and takes a changed entry as it now is', () => {
    expect(keepReadEntries(undefined, [])).toEqual([]);
    const read = [entry(1), entry(0)];
    expect(keepReadEntries(read, [entry(1), entry(0)])).toBe(read);

    const changed = { ...entry(0), actor: 'bo@example.com' };
    const kept = keepReadEntries(read, [entry(1), changed]) as HistoryEntry[];
    expect(kept[0]).toBe(read[0]);
    expect(kept[1]).toEqual(changed);
  });
});
