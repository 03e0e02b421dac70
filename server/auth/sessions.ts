// What the two cookies hold. The session: who signed in, as the provider said, and the ID token
// the provider's sign-out asks for. The pending sign-ins: up to a few at once (several tabs may
// each send their admin to the provider), each with its state, nonce and PKCE verifier.
import type { Context } from 'hono';
import { z } from 'zod';
import type { SignInSettings } from '../settings';
import type { PendingSignIn } from './oidc-client';
import { sealedCookie, type SealedCookie } from './session-cookie';

export interface SessionCookies {
  session: SealedCookie;
  signIn: SealedCookie;
}

export function sessionCookies(settings: SignInSettings): SessionCookies {
  // Without https, a Secure cookie would never come back.
  const secure = settings.publicUrl.startsWith('https:');
  return {
    session: sealedCookie('session', settings.sessionSecret, secure),
    signIn: sealedCookie('sign-in', settings.sessionSecret, secure),
  };
}

const sessionSchema = z.object({
  sub: z.string(),
  email: z.string(),
  email_verified: z.boolean(),
  name: z.string().optional(),
  id_token: z.string().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export type SessionRead =
  | { ok: true; session: Session; expiresAt: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export async function readSession(
  c: Context,
  cookies: SessionCookies,
  now: number,
): Promise<SessionRead> {
  const opened = await cookies.session.read(c, now);
  if (!opened.ok) return opened;
  const parsed = sessionSchema.safeParse(opened.payload);
  return parsed.success
    ? { ok: true, session: parsed.data, expiresAt: opened.expiresAt }
    : { ok: false, reason: 'invalid' };
}

const SIGN_IN_SECONDS = 600;
const MAX_PENDING = 5;

const pendingSchema = z.object({
  flows: z.array(
    z.object({
      state: z.string(),
      nonce: z.string(),
      verifier: z.string(),
      returnTo: z.string(),
      startedAt: z.number(),
    }),
  ),
});
type Pending = PendingSignIn & { returnTo: string };

async function readPending(c: Context, cookies: SessionCookies, now: number) {
  const opened = await cookies.signIn.read(c, now);
  const parsed = opened.ok ? pendingSchema.safeParse(opened.payload) : null;
  const flows = parsed?.success ? parsed.data.flows : [];
  return flows.filter((flow) => now - flow.startedAt < SIGN_IN_SECONDS * 1000);
}

export const pendingSignIns = {
  async add(c: Context, cookies: SessionCookies, pending: Pending, now: number): Promise<void> {
    const flows = [{ ...pending, startedAt: now }, ...(await readPending(c, cookies, now))];
    await cookies.signIn.write(c, { flows: flows.slice(0, MAX_PENDING) }, SIGN_IN_SECONDS, now);
  },

  /** The sign-in `state` names, removed from the cookie: each can be redeemed once. */
  async take(
    c: Context,
    cookies: SessionCookies,
    state: string,
    now: number,
  ): Promise<Pending | null> {
    const flows = await readPending(c, cookies, now);
    const found = flows.find((flow) => flow.state === state) ?? null;
    const rest = flows.filter((flow) => flow !== found);
    if (rest.length === 0) cookies.signIn.clear(c);
    else await cookies.signIn.write(c, { flows: rest }, SIGN_IN_SECONDS, now);
    return found;
  },
};
