import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { isSignInRequired } from '../api/sign-in-required';

export type SignInLost = 'expired' | 'signed-out';

/**
 * Watches every query and mutation of the page for the server's "sign in first" answer, so one
 * banner can say so wherever it happened: a list load, a save, a secret reveal.
 */
export function useSignInLost(queryClient: QueryClient): SignInLost | null {
  const [lost, setLost] = useState<SignInLost | null>(null);
  useEffect(() => {
    const check = (error: unknown) => {
      if (!isSignInRequired(error)) return;
      setLost(isApiError(error) && error.code === 'SESSION_EXPIRED' ? 'expired' : 'signed-out');
    };
    // The entry module starts the first queries before React renders: one may have failed already.
    for (const query of queryClient.getQueryCache().getAll()) check(query.state.error);
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);
  return lost;
}
