// The provider's problems as they really arrive: discovery over real TLS against a local https
// server whose certificate this process does not trust, and against a port nobody listens on.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { SignInSettings } from '../settings';
import { startReceiver } from '../test-support/https-receiver';
import { createTestCa } from '../test-support/test-ca';
import { checkProvider } from './check-provider';
import { describeProviderProblem } from './provider-problem';

const ca = createTestCa();
afterAll(() => ca.remove());

function settingsFor(issuer: string): SignInSettings {
  return {
    issuer,
    clientId: 'editor',
    clientSecret: 'client-secret',
    publicUrl: 'https://webhooks.example.com',
    sessionSecret: 'test-session-secret-0123456789abcdef',
    adminEmails: ['ada@example.com'],
    sessionMaxAgeSeconds: 3600,
  };
}

/** A provider's metadata, served by whichever certificate the test gives. */
async function providerWith(pair: { key: string; cert: string }): Promise<string> {
  let issuer = '';
  const receiver = await startReceiver(pair, (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize` }));
  });
  issuer = `https://127.0.0.1:${receiver.port}`;
  return issuer;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('checkProvider', () => {
  it('says in words that a self-signed provider certificate is not trusted', async () => {
    const issuer = await providerWith(ca.selfSigned(['127.0.0.1']));
    const line = await checkProvider(settingsFor(issuer));
    expect(line).toBe(
      `sign-in provider ${issuer} cannot be used: its certificate is not trusted by this server ` +
        '(self-signed, or signed by an unknown authority); trust the certificate authority that ' +
        "signed the provider's certificate (NODE_EXTRA_CA_CERTS), or check OIDC_ISSUER",
    );
  });

  it('says so for a certificate from an authority this server does not know', async () => {
    const issuer = await providerWith(ca.issue(['127.0.0.1']));
    expect(await checkProvider(settingsFor(issuer))).toContain(
      'its certificate is not trusted by this server',
    );
  });

  it('says when nothing listens at the issuer', async () => {
    const issuer = `https://127.0.0.1:${await closedPort()}`;
    expect(await checkProvider(settingsFor(issuer))).toBe(
      `sign-in provider ${issuer} cannot be used: it refused the connection; check OIDC_ISSUER`,
    );
  });

  it('is silent when the provider answers', async () => {
    expect(
      await checkProvider(settingsFor('https://login.example.com'), () => Promise.resolve()),
    ).toBeNull();
  });
});

describe('describeProviderProblem', () => {
  it('reads the cause under fetch failed, and names an expired or misnamed certificate', () => {
    const failed = (code: string) =>
      new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    expect(describeProviderProblem(failed('CERT_HAS_EXPIRED')).cause).toBe(
      'its certificate has expired',
    );
    expect(describeProviderProblem(failed('ERR_TLS_CERT_ALTNAME_INVALID')).title).toBe(
      "The sign-in provider's certificate is not trusted",
    );
    expect(describeProviderProblem(failed('ENOTFOUND')).cause).toBe(
      'its name could not be looked up',
    );
    expect(describeProviderProblem(new Error('odd')).cause).toBe(
      'it did not answer as an OpenID provider',
    );
  });
});
