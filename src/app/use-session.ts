import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createApiClient } from '../api/api-client';
import { sessionQueryOptions } from '../api/session';

/** Who is signed in to the standalone app's server (one query, however many ask). */
export function useSession(queryClient: QueryClient) {
  const authClient = useMemo(() => createApiClient({ baseUrl: '/auth' }), []);
  return useQuery(sessionQueryOptions(authClient), queryClient);
}
