import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { LOCAL_OWNER, accountOwner } from '../drafts/draft-owner';
import { keepOnlyDraftsOf } from '../drafts/draft-storage';
import { useSession } from './use-session';

/**
 * Whose drafts this page keeps and restores: the account `/auth/session` names, or the local owner
 * when the server signs nobody in; null until it has answered. Once known, the drafts any other
 * account left in this tab are dropped.
 */
export function useSessionDraftOwner(queryClient: QueryClient): string | null {
  const { data, isError } = useSession(queryClient);
  // Not knowing who is signed in, the page restores nobody's drafts and keeps its own under a
  // name no later page will claim, rather than hold the forms back for good.
  const [nobody] = useState(() => `unknown:${Date.now()}:${Math.random()}`);
  const owner = data
    ? data.auth === 'oidc'
      ? accountOwner(data.email)
      : LOCAL_OWNER
    : isError
      ? nobody
      : null;
  const known = data !== undefined;
  useEffect(() => {
    if (known && owner !== null) keepOnlyDraftsOf(owner);
  }, [known, owner]);
  return owner;
}
