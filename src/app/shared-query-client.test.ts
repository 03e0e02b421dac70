import { describe, expect, it } from 'vitest';
import { acquireQueryClient, backendOf } from './shared-query-client';

describe('the QueryClient shared by the editors of one page', () => {
  it('is one client per backend, however the backend is spelled', () => {
    const first = acquireQueryClient(backendOf('/api'));
    const second = acquireQueryClient(backendOf(`${window.location.origin}/api/`));
    const other = acquireQueryClient(backendOf('https://portal.example.com/api'));
    expect(second.queryClient).toBe(first.queryClient);
    expect(other.queryClient).not.toBe(first.queryClient);
    [first, second, other].forEach((held) => held.release());
  });

  it('is cleared when the last editor leaves, and only then', () => {
    const first = acquireQueryClient('http://localhost/api');
    const second = acquireQueryClient('http://localhost/api');
    first.queryClient.setQueryData(['konpro', 'endpoints'], []);

    first.release();
    first.release(); // twice is once
    expect(second.queryClient.getQueryData(['konpro', 'endpoints'])).toEqual([]);
    second.release();
    expect(second.queryClient.getQueryData(['konpro', 'endpoints'])).toBeUndefined();
    const next = acquireQueryClient('http://localhost/api');
    expect(next.queryClient).not.toBe(second.queryClient);
    next.release();
  });
});
