// Why the sign-in provider could not be used, in words for the admin's page and the start-up line:
// the error fetch throws says only "fetch failed", its cause (a TLS or socket code) says why.

export interface ProviderProblem {
  /** The page's title. */
  title: string;
  /** What went wrong, said of the provider: "its certificate is not trusted by this server". */
  cause: string;
  /** What whoever runs the editor can do about it. */
  fix: string;
  /** Whether trying again in a moment may help. */
  passing: boolean;
}

const NOT_TRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const TRUST_FIX =
  "trust the certificate authority that signed the provider's certificate (NODE_EXTRA_CA_CERTS), or check OIDC_ISSUER";
const CHECK_ISSUER = 'check OIDC_ISSUER';

/** The codes along an error's chain of causes, outermost first. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let at = error, depth = 0; at instanceof Error && depth < 5; depth += 1) {
    const { code } = at as { code?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (at.name === 'TimeoutError' || at.name === 'AbortError') codes.push('TIMEOUT');
    at = at.cause;
  }
  return codes;
}

export function describeProviderProblem(error: unknown): ProviderProblem {
  const codes = codesOf(error);
  const has = (test: (code: string) => boolean) => codes.some(test);
  const certificate = (cause: string): ProviderProblem => ({
    title: "The sign-in provider's certificate is not trusted",
    cause,
    fix: TRUST_FIX,
    passing: false,
  });
  const unreachable = (cause: string, passing = true): ProviderProblem => ({
    title: 'The sign-in provider could not be reached',
    cause,
    fix: CHECK_ISSUER,
    passing,
  });
  if (has((code) => NOT_TRUSTED.has(code))) {
    return certificate(
      'its certificate is not trusted by this server (self-signed, or signed by an unknown authority)',
    );
  }
  if (has((code) => code === 'CERT_HAS_EXPIRED')) return certificate('its certificate has expired');
  if (has((code) => code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
    return certificate('its certificate is for another name');
  }
  if (has((code) => code.startsWith('CERT_') || code.startsWith('ERR_TLS_'))) {
    return certificate(`its certificate was refused (${codes.join(', ')})`);
  }
  if (has((code) => code === 'ECONNREFUSED')) return unreachable('it refused the connection');
  if (has((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN')) {
    return unreachable('its name could not be looked up', false);
  }
  if (has((code) => code === 'TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')) {
    return unreachable('it did not answer in time');
  }
  return unreachable('it did not answer as an OpenID provider');
}
