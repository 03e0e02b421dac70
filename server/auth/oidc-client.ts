// The relying party, on openid-client (panva's certified code): discovery from OIDC_ISSUER, the
// authorization code flow with PKCE, state and nonce, ID token validation, and the userinfo call
// for providers that keep the email claims out of the ID token.
import * as client from 'openid-client';
import type { SignInSettings } from '../settings';

export interface Identity {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string | undefined;
  /** Kept for the provider's sign-out, which asks which session to end. */
  idToken: string | undefined;
}

export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcClient {
  /** Where to send the browser, and what the callback must find again. */
  start(): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Redeems the code the provider sent back to `callbackUrl`. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<Identity>;
  /** The provider's sign-out address, when it has one. */
  endSessionUrl(idToken: string | undefined, returnTo: string): Promise<URL | null>;
}

export type Discover = () => Promise<client.Configuration>;

const TIMEOUT_SECONDS = 10;

export function createOidcClient(settings: SignInSettings, discover?: Discover): OidcClient {
  const redirectUri = `${settings.publicUrl}/auth/callback`;
  // Discovered once, when first needed; a failure is not kept, so the next sign-in asks again.
  let configuration: Promise<client.Configuration> | null = null;
  const config = () => {
    configuration ??= (discover ?? (() => discoverProvider(settings)))().catch((error: unknown) => {
      configuration = null;
      throw error;
    });
    return configuration;
  };

  return {
    async start() {
      const cfg = await config();
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    async finish(callbackUrl, pending) {
      const cfg = await config();
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('The provider sent no ID token');
      let claims: Record<string, unknown> = idClaims;
      // Many providers put email claims in userinfo only, unless asked for them in the ID token.
      if (claims.email === undefined || claims.email_verified === undefined) {
        const userInfo = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
        claims = {
          email: userInfo.email ?? idClaims.email,
          email_verified: userInfo.email_verified ?? idClaims.email_verified,
          name: idClaims.name ?? userInfo.name,
        };
      }
      const email = typeof claims.email === 'string' ? claims.email : '';
      return {
        sub: idClaims.sub,
        email,
        // Some providers send the claim as a string.
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: typeof claims.name === 'string' ? claims.name : undefined,
        idToken: tokens.id_token,
      };
    },

    async endSessionUrl(idToken, returnTo) {
      const cfg = await config();
      if (cfg.serverMetadata().end_session_endpoint === undefined) return null;
      return client.buildEndSessionUrl(cfg, {
        ...(idToken === undefined ? {} : { id_token_hint: idToken }),
        client_id: settings.clientId,
        post_logout_redirect_uri: returnTo,
      });
    },
  };
}

export async function discoverProvider(settings: SignInSettings): Promise<client.Configuration> {
  const found = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    undefined,
    undefined,
    { timeout: TIMEOUT_SECONDS },
  );
  // client_secret_basic is OpenID Connect's default and what most providers register clients
  // with; client_secret_post only where the provider offers nothing else.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  const auth =
    methods === undefined || methods.includes('client_secret_basic')
      ? client.ClientSecretBasic(settings.clientSecret)
      : client.ClientSecretPost(settings.clientSecret);
  const configured = new client.Configuration(
    found.serverMetadata(),
    settings.clientId,
    settings.clientSecret,
    auth,
  );
  configured.timeout = TIMEOUT_SECONDS;
  return configured;
}
