// What the two cookies hold, each within what a browser keeps of one cookie (COOKIE_BYTES). The
// session: who signed in, as the provider said, and the ID token the provider's sign-out asks for
// when it fits (a token with a company's groups in it does not; sign-out then names the client
// instead). The pending sign-ins: up to a few at once (several tabs may each send their admin to
// the provider), each with its state, nonce, PKCE verifier and the address to return to.
import type { Context } from 'hono';
import { z } from 'zod';
import type { SignInSettings } from '../settings';
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

/** Bounds on what the provider sends, so a session always fits its cookie. */
const MAX_SUB = 255;
const MAX_EMAIL = 320;
const MAX_NAME = 200;

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

/**
 * Writes the session of `identity`: false when even without the ID token it would not fit, which
 * only a provider sending a subject or an address past their bounds can cause.
 */
export async function writeSession(
  c: Context,
  cookies: SessionCookies,
  identity: Identity,
  maxAgeSeconds: number,
  now: number,
): Promise<boolean> {
  if (identity.sub.length > MAX_SUB || identity.email.length > MAX_EMAIL) return false;
  const session: Session = {
    sub: identity.sub,
    email: identity.email,
    email_verified: identity.emailVerified,
    ...(identity.name === undefined ? {} : { name: identity.name.slice(0, MAX_NAME) }),
  };
  const withToken =
    identity.idToken === undefined
      ? null
      : await cookies.session.seal({ ...session, id_token: identity.idToken }, maxAgeSeconds, now);
  const sealed =
    withToken !== null && cookies.session.fits(withToken)
      ? withToken
      : await cookies.session.seal(session, maxAgeSeconds, now);
  if (!cookies.session.fits(sealed)) return false;
  cookies.session.write(c, sealed, maxAgeSeconds);
  return true;
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
