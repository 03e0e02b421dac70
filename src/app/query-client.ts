import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Offline, say so (the fetch fails) rather than show "Loading…" until the network returns.
        networkMode: 'always',
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(isApiError(error) && error.status !== undefined && error.status < 500),
      },
    },
  });
}
