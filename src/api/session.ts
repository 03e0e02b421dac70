// Who is signed in to the standalone app's server (`GET /auth/session`). Its answer also tells
// whether the server signs anyone in at all: without sign-in there is nobody to show.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from './api-client';

// The server admits loopback receivers (KONPRO_CHECK_ALLOW_LOOPBACK=1): its page's URL rule does too.
const loopback = { check_allow_loopback: z.optional(z.boolean()) };

const sessionSchema = z.union([
  z.object({
    ...loopback,
    auth: z.literal('oidc'),
    email: z.string(),
    name: z.nullable(z.string()),
    admitted: z.boolean(),
    expires_at: z.string(),
  }),
  z.object({ ...loopback, auth: z.enum(['off', 'proxy']) }),
]);
export type Session = z.infer<typeof sessionSchema>;

/** `client` answers below `/auth`, not `/api`. */
export function fetchSession(client: ApiClient, signal?: AbortSignal): Promise<Session> {
  return client.request('/session', { schema: sessionSchema, signal });
}

/** For code that reads the session without the auth client at hand (the editor's URL rule). */
export const SESSION_QUERY_KEY = ['editor', 'session'] as const;

export function sessionQueryOptions(client: ApiClient) {
  // One page has one auth client, so it need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(client, signal),
    // Who is signed in does not change while the page is open; a lost session shows as a 401.
    staleTime: Infinity,
  });
}
