// A throwaway certificate authority and a certificate for 127.0.0.1, made with openssl for one
// test run: the local provider speaks https as real providers do, and the server trusts it the
// way a company's internal CA is trusted, through NODE_EXTRA_CA_CERTS. The CA is the one the
// server's own TLS tests use (server/test-support/test-ca.ts).
import { createTestCa } from '../../server/test-support/test-ca';

export interface TestCertificates {
  /** The CA's certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  key: string;
  cert: string;
}

/** `days`: how long the certificate is valid, from now. */
export function makeTestCertificates(days = 2): TestCertificates {
  const ca = createTestCa();
  return { caFile: ca.caFile, ...ca.issue(['127.0.0.1', 'localhost'], { days }) };
}
