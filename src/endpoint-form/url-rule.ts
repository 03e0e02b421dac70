import { useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY, type Session } from '../api/session';
import type { WebhookUrlOptions } from '../../contract/webhook-url';

const LOOPBACK: WebhookUrlOptions = { allowLoopback: true };
const PUBLIC_ONLY: WebhookUrlOptions = {};

/**
 * The page's URL rule: loopback receivers are admitted only where the page's own server says it
 * admits them (`check_allow_loopback` in its session answer). A portal has no such answer, so
 * never there. The forms mount once the session is known (their drafts wait for it).
 */
export function useUrlRule(): WebhookUrlOptions {
  const session = useQueryClient().getQueryData<Session>(SESSION_QUERY_KEY);
  return session?.check_allow_loopback === true ? LOOPBACK : PUBLIC_ONLY;
}
