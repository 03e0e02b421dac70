// What a handshake's findings mean for deliveries, in the words the page shows. One problem is
// named, the one an admin must fix first; the TLS fields beside it tell the rest.
import { EXPIRY_WARNING_DAYS, type UrlCheckTls } from '../../contract/url-check';

export interface Findings {
  problem: string | null;
  warnings: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const WEAK_KEY = 'the certificate’s key is too weak for SSL security level 2';

// OpenSSL's verification errors, as Node names them in `authorizationError`.
const UNTRUSTED: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is not trusted (self-signed)',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate is not trusted (self-signed)',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate is not trusted (its issuer is unknown)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate is not trusted (its issuer is unknown)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate is not trusted (its issuer is unknown)',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  CERT_REVOKED: 'the certificate has been revoked',
  EE_KEY_TOO_SMALL: WEAK_KEY,
  CA_KEY_TOO_SMALL: 'the certificate’s issuer has a key too weak for SSL security level 2',
  CA_MD_TOO_WEAK: 'the certificate is signed with a digest too weak for SSL security level 2',
};

export interface Verdict {
  /** OpenSSL's verification error, as Node names it. */
  authorizationError: string | null;
  weakKey: boolean;
}

export function certificateFindings(
  tls: UrlCheckTls,
  { authorizationError, weakKey }: Verdict,
  now: number,
): Findings {
  const expiresIn = Date.parse(tls.valid_to) - now;
  let problem: string | null = null;
  if (expiresIn <= 0 || authorizationError === 'CERT_HAS_EXPIRED') {
    problem = 'the certificate has expired';
  } else if (weakKey) {
    problem = WEAK_KEY;
  } else if (!tls.trusted) {
    problem = UNTRUSTED[authorizationError ?? ''] ?? 'the certificate is not trusted';
  } else if (!tls.host_matches) {
    problem = 'the certificate is for another host';
  }
  const warnings: string[] = [];
  if (expiresIn > 0 && expiresIn < EXPIRY_WARNING_DAYS * DAY_MS) {
    // As a person counts: 4 days and 23 hours is "in 5 days".
    const days = Math.ceil(expiresIn / DAY_MS);
    warnings.push(`the certificate expires in ${days} ${days === 1 ? 'day' : 'days'}`);
  }
  return { problem, warnings };
}
