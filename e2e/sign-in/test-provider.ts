// A real OpenID provider (oidc-provider, the certified implementation) for the sign-in tests. Its
// own development login form accepts any password; the login names one of the accounts below.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import type { TestCertificates } from './test-ca';

export const CLIENT_ID = 'konpro-webhook-editor';
export const CLIENT_SECRET = 'test-client-secret-4f1b9c2d7e';

type Account = { email: string; email_verified: boolean; name: string; groups?: string[] };

/** As Entra ID or Okta send them for a member of many groups: the ID token is about 6.5 KB. */
export const MANY_GROUPS = Array.from(
  { length: 110 },
  (_, i) => `${String(i).padStart(3, '0')}a1b2c3-4d5e-6f70-8192-a3b4c5d6e7f8`,
);

/** Who can sign in at this provider, with what the provider says about them. */
export const ACCOUNTS: Record<string, Account> = {
  'admin@example.com': { email: 'admin@example.com', email_verified: true, name: 'Ada Admin' },
  'dev@team.example': { email: 'dev@team.example', email_verified: true, name: 'Dev Teammate' },
  'outsider@other.example': {
    email: 'outsider@other.example',
    email_verified: true,
    name: 'Otto Outsider',
  },
  // Listed in ADMIN_EMAILS, but the provider never confirmed the address.
  'claimed@example.com': { email: 'claimed@example.com', email_verified: false, name: 'Claire' },
  // Admitted by domain, with a large ID token.
  'groups@team.example': {
    email: 'groups@team.example',
    email_verified: true,
    name: 'Grace Groups',
    groups: MANY_GROUPS,
  },
};

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

export async function startTestProvider(
  certificates: TestCertificates,
  port: number,
  editorUrls: string[],
): Promise<TestProvider> {
  const issuer = `https://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: editorUrls.map((url) => `${url}/auth/callback`),
        post_logout_redirect_uris: editorUrls.map((url) => `${url}/auth/signed-out`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig' }] },
    cookies: { keys: ['konpro-test-provider-cookie-key'] },
    // Groups ride in the ID token itself, as with Entra ID's groups claim.
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, id) => {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    // A company's provider grants its own apps without asking each admin for consent.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();
  const server: Server = createServer(
    { key: certificates.key, cert: certificates.cert },
    (request, response) => void handle(request, response),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  if ((server.address() as AddressInfo).port !== port) throw new Error('provider port mismatch');
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
