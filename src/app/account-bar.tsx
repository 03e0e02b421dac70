import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createApiClient } from '../api/api-client';
import { sessionQueryOptions } from '../api/session';

type AccountBarProps = { queryClient: QueryClient };

/**
 * Who is signed in, and the way out. Standalone only: a portal that embeds the editor signs its
 * users in itself. Signing out is a plain form post, so it works before any script runs.
 */
export function AccountBar({ queryClient }: AccountBarProps) {
  const authClient = useMemo(() => createApiClient({ baseUrl: '/auth' }), []);
  const { data } = useQuery(sessionQueryOptions(authClient), queryClient);
  if (data?.auth !== 'oidc') return null;
  return (
    <div className="kwe-account">
      <span className="kwe-account-name">
        Signed in as <bdi>{data.email}</bdi>
      </span>
      <form method="post" action="/auth/logout">
        <button type="submit" className="kwe-button kwe-small-button">
          Sign out
        </button>
      </form>
    </div>
  );
}
