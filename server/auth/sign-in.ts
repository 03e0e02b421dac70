// Sign-in with the company's OpenID Connect provider, as two pieces app.ts wires in: the /auth
// routes (auth-routes.ts) and the gate every other request passes (admin-gate.ts).
import { Hono, type MiddlewareHandler } from 'hono';
import type { Settings } from '../settings';
import { adminGate } from './admin-gate';
import { authRoutes } from './auth-routes';
import { createSignInFlow, NO_STORE, type SignInDeps } from './sign-in-flow';

export type { SignInDeps } from './sign-in-flow';

export interface SignInLayer {
  /** Mounted at /auth. */
  routes: Hono;
  /** Placed before everything it guards; absent without sign-in. */
  gate: MiddlewareHandler | undefined;
}

export function createSignIn(settings: Settings, deps: SignInDeps): SignInLayer {
  if (settings.signIn) {
    const flow = createSignInFlow(settings.signIn, deps);
    return { routes: authRoutes(flow), gate: adminGate(flow) };
  }
  // The page asks who is signed in; here nobody is, by design.
  const routes = new Hono();
  routes.get('/session', (c) =>
    c.json({ auth: settings.proxyAuth ? 'proxy' : 'off' }, 200, NO_STORE),
  );
  routes.all('*', (c) => c.text('Not found', 404));
  return { routes, gate: undefined };
}
