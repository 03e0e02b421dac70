// What the two cookies hold, each within what a browser keeps of one cookie (COOKIE_BYTES). The
// session cookie: only the session's opaque id; who signed in (and the ID token of any
// size the provider's sign-out asks for) lives in the store, so signing out ends the session for
// every copy of the cookie and every copy of the server. The pending sign-ins: up to a few at once
// (several tabs may each send their admin to the provider), each with its state, nonce, PKCE
// verifier and the address to return to.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { SignInSettings } from '../settings';
import type { SessionStore, StoredSession } from '../store/store';
import type { Identity, PendingSignIn } from './oidc-client';
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

/** Bounds on what the provider sends. */
const MAX_SUB = 255;
const MAX_EMAIL = 320;
const MAX_NAME = 200;

export type Session = Omit<StoredSession, 'expires_at'>;

/** The cookie's whole value: 256 random bits need no seal, and the store knows only their hash. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

function sessionIdOf(c: Context, cookies: SessionCookies): string | null | undefined {
  const value = getCookie(c, cookies.session.name);
  if (value === undefined || value === '') return undefined;
  return SESSION_ID.test(value) ? value : null;
}

export type SessionRead =
  | { ok: true; session: Session; expiresAt: number; id: string }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export async function readSession(
  c: Context,
  cookies: SessionCookies,
  store: SessionStore,
  now: number,
): Promise<SessionRead> {
  const id = sessionIdOf(c, cookies);
  if (id === undefined) return { ok: false, reason: 'missing' };
  if (id === null) return { ok: false, reason: 'invalid' };
  const stored = await store.get(id);
  // Ended on the server (signed out, here or through another copy of the cookie), or never was.
  if (stored === null) return { ok: false, reason: 'invalid' };
  if (stored.expires_at <= now) return { ok: false, reason: 'expired' };
  const { expires_at, ...session } = stored;
  return { ok: true, session, expiresAt: expires_at, id };
}

/** Starts the session of `identity`: false when the provider sent a subject or address past their bounds. */
export async function writeSession(
  c: Context,
  cookies: SessionCookies,
  store: SessionStore,
  identity: Identity,
  maxAgeSeconds: number,
  now: number,
): Promise<boolean> {
  if (identity.sub.length > MAX_SUB || identity.email.length > MAX_EMAIL) return false;
  const id = await store.create({
    sub: identity.sub,
    email: identity.email,
    email_verified: identity.emailVerified,
    ...(identity.name === undefined ? {} : { name: identity.name.slice(0, MAX_NAME) }),
    ...(identity.idToken === undefined ? {} : { id_token: identity.idToken }),
    expires_at: now + maxAgeSeconds * 1000,
  });
  cookies.session.write(c, id, maxAgeSeconds);
  return true;
}

/** Signing out: the session ends on the server, whoever still holds a copy of its cookie. */
export async function endSession(c: Context, cookies: SessionCookies, store: SessionStore) {
  const id = sessionIdOf(c, cookies);
  if (id) await store.delete(id);
  cookies.session.clear(c);
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

type Flow = z.infer<typeof pendingSchema>['flows'][number];

/**
 * Writes the newest flows that fit in one cookie; older ones give way, so a long deep link of a
 * new sign-in never makes the browser drop the cookie. safeReturnTo bounds an address to 2,048
 * characters, which fits; one of wide characters that does not returns to the list instead.
 */
async function writePending(c: Context, cookies: SessionCookies, flows: Flow[], now: number) {
  const [newest] = flows;
  if (newest === undefined) return cookies.signIn.clear(c);
  const most = Math.min(flows.length, MAX_PENDING);
  const tries = Array.from({ length: most }, (_, dropped) => flows.slice(0, most - dropped));
  for (const kept of [...tries, [{ ...newest, returnTo: '/' }]]) {
    const sealed = await cookies.signIn.seal({ flows: kept }, SIGN_IN_SECONDS, now);
    if (cookies.signIn.fits(sealed)) return cookies.signIn.write(c, sealed, SIGN_IN_SECONDS);
  }
  cookies.signIn.clear(c);
}

export const pendingSignIns = {
  async add(c: Context, cookies: SessionCookies, pending: Pending, now: number): Promise<void> {
    const flows = [{ ...pending, startedAt: now }, ...(await readPending(c, cookies, now))];
    await writePending(c, cookies, flows, now);
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
    else await writePending(c, cookies, rest, now);
    return found;
  },
};
