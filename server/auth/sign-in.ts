// Sign-in with the company's OpenID Connect provider, as two pieces app.ts wires in: the /auth
// routes (auth-routes.ts) and the gate every other request passes (admin-gate.ts).
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Settings } from '../settings';
import { adminGate, apiAccess } from './admin-gate';
import { authRoutes } from './auth-routes';
import { createSignInFlow, NO_STORE, type SignInDeps } from './sign-in-flow';

export type { SignInDeps } from './sign-in-flow';

export const LOCAL_ACTOR = 'local';

export interface SignInLayer {
  /** Mounted at /auth. */
  routes: Hono;
  /** Placed before everything it guards but /api; absent without sign-in. */
  gate: MiddlewareHandler | undefined;
  /** Who may act through /api: the admin's name, or the answer (401, 403) to send instead. */
  apiAccess: (c: Context) => Promise<{ actor: string } | Response>;
}

export function createSignIn(settings: Settings, deps: SignInDeps): SignInLayer {
  if (settings.signIn) {
    const flow = createSignInFlow(settings.signIn, deps);
    return {
      routes: authRoutes(flow, { checkAllowLoopback: settings.checkAllowLoopback }),
      gate: adminGate(flow),
      apiAccess: apiAccess(flow),
    };
  }
  // The page asks who is signed in; here nobody is, by design. It also learns whether its URL
  // rule admits loopback receivers (KONPRO_CHECK_ALLOW_LOOPBACK).
  const routes = new Hono();
  routes.get('/session', (c) =>
    c.json(
      {
        auth: settings.proxyAuth ? 'proxy' : 'off',
        check_allow_loopback: settings.checkAllowLoopback,
      },
      200,
      NO_STORE,
    ),
  );
  routes.all('*', (c) => c.text('Not found', 404));
  // Without sign-in there is one actor; the audit line calls them `local`.
  return { routes, gate: undefined, apiAccess: () => Promise.resolve({ actor: LOCAL_ACTOR }) };
}
