// The TLS handshake, as Konpro's "SSL security level 2 or higher" asks: TLS 1.2 or newer at
// OpenSSL's security level 2 (keys of 112 bits' strength or more, no SHA-1 signatures). The
// chain is verified against Node's trust store plus NODE_EXTRA_CA_CERTS, but the connection is
// kept whatever the verdict, so the check can say what is wrong rather than only that it failed.
// A server that speaks no TLS 1.2 is asked once more, at security level 0 and no newer than
// TLS 1.1, only to name the version it does speak; nothing is sent over that connection.
import { isIP } from 'node:net';
import {
  checkServerIdentity,
  type ConnectionOptions,
  connect,
  DEFAULT_CIPHERS,
  type TLSSocket,
} from 'node:tls';
import type { UrlCheckTls } from '../../contract/url-check';
import { type Deadline, DeadlinePassed } from './deadline';
import type { ResolvedAddress } from './resolve-target';

export interface HandshakeTarget {
  /** The URL's host as the parser gives it (IPv6 in brackets): the certificate must name it. */
  hostname: string;
  port: number;
  /** Resolved and judged; tried in order while they refuse the connection. */
  addresses: readonly ResolvedAddress[];
}

export type Handshake =
  | {
      ok: true;
      socket: TLSSocket;
      tls: UrlCheckTls;
      authorizationError: string | null;
      /** The certificate's key is below SSL security level 2 (RSA under 2048 bits, EC under 224). */
      weakKey: boolean;
    }
  | { ok: false; tls: UrlCheckTls | null; problem: string };

const CURRENT: ConnectionOptions = {
  minVersion: 'TLSv1.2',
  ciphers: `${DEFAULT_CIPHERS}:@SECLEVEL=2`,
};
const LEGACY: ConnectionOptions = {
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1.1',
  ciphers: 'DEFAULT@SECLEVEL=0',
};

// The server refused every version offered, or chose one below the offer.
const NO_COMMON_VERSION = new Set([
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
]);
// Nothing listens at that address: the next one may answer.
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export async function handshake(
  target: HandshakeTarget,
  ca: readonly string[] | undefined,
  deadline: Deadline,
): Promise<Handshake> {
  let lastError: unknown;
  for (const address of target.addresses) {
    try {
      const socket = await connectTls(target, address, CURRENT, ca, deadline);
      return {
        ok: true,
        socket,
        tls: describe(socket, target.hostname),
        authorizationError: authorizationError(socket),
        weakKey: weakKey(socket),
      };
    } catch (error) {
      if (error instanceof DeadlinePassed) throw error;
      const code = codeOf(error);
      if (NO_COMMON_VERSION.has(code)) return legacyVersion(target, address, ca, deadline);
      lastError = error;
      if (!UNREACHABLE.has(code)) break;
    }
  }
  return { ok: false, tls: null, problem: connectionProblem(codeOf(lastError), target.port) };
}

/** Names the old version a server speaks: "TLS 1.0 is below TLS 1.2". */
async function legacyVersion(
  target: HandshakeTarget,
  address: ResolvedAddress,
  ca: readonly string[] | undefined,
  deadline: Deadline,
): Promise<Handshake> {
  try {
    const socket = await connectTls(target, address, LEGACY, ca, deadline);
    const tls = describe(socket, target.hostname);
    socket.destroy();
    return { ok: false, tls, problem: `${tls.version} is below TLS 1.2` };
  } catch (error) {
    if (error instanceof DeadlinePassed) throw error;
    return { ok: false, tls: null, problem: 'it offers no TLS 1.2 or newer' };
  }
}

function connectTls(
  target: HandshakeTarget,
  { address }: ResolvedAddress,
  versions: ConnectionOptions,
  ca: readonly string[] | undefined,
  deadline: Deadline,
): Promise<TLSSocket> {
  const name = bare(target.hostname);
  return new Promise<TLSSocket>((resolve, reject) => {
    const socket = connect({
      ...versions,
      host: address,
      port: target.port,
      // SNI names the host (never an IP address, RFC 6066); the socket goes to the checked address.
      servername: isIP(name) === 0 ? name : undefined,
      ALPNProtocols: ['http/1.1'],
      ...(ca === undefined ? {} : { ca: [...ca] }),
      // Read below, not enforced: the check reports what is wrong instead of only failing.
      rejectUnauthorized: false,
      // The chain's verdict stays apart from the name's: hostMatches() judges the name.
      checkServerIdentity: () => undefined,
    });
    const forget = deadline.onExpiry(() => {
      socket.destroy();
      reject(new DeadlinePassed());
    });
    const failed = (error: Error) => {
      forget();
      socket.destroy();
      reject(error);
    };
    socket.once('error', failed);
    socket.once('secureConnect', () => {
      forget();
      socket.off('error', failed);
      resolve(socket);
    });
  });
}

function describe(socket: TLSSocket, hostname: string): UrlCheckTls {
  const certificate = socket.getPeerCertificate();
  const protocol = socket.getProtocol() ?? 'unknown';
  return {
    version: protocol.replace(/^TLSv(\d)$/, 'TLS $1.0').replace(/^TLSv/, 'TLS '),
    trusted: socket.authorized,
    host_matches: hostMatches(hostname, certificate),
    valid_to: new Date(certificate.valid_to).toISOString(),
  };
}

/** OpenSSL's verification error as Node names it (`CERT_HAS_EXPIRED`), or null. */
function authorizationError(socket: TLSSocket): string | null {
  // Typed as an Error, given as the error's code.
  const error = socket.authorizationError as Error | string | null | undefined;
  if (error === null || error === undefined) return null;
  return typeof error === 'string' ? error : error.message;
}

// Node names OpenSSL's "key too small" verification error only as UNSPECIFIED, so it is read
// from the key itself.
function weakKey(socket: TLSSocket): boolean {
  const certificate = socket.getPeerCertificate();
  const rsa = typeof certificate.modulus === 'string';
  return certificate.bits !== undefined && certificate.bits < (rsa ? 2048 : 224);
}

function hostMatches(hostname: string, certificate: ReturnType<TLSSocket['getPeerCertificate']>) {
  // Node's own rule, as every https client applies it (names, wildcards, IP addresses).
  return checkServerIdentity(bare(hostname), certificate) === undefined;
}

function connectionProblem(code: string, port: number): string {
  if (code === 'ECONNREFUSED') return `nothing answers on port ${port}: the connection was refused`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return 'it cannot be reached from this server';
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return 'it closed the connection during the TLS handshake';
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
    return `it does not speak TLS on port ${port}`;
  if (code.startsWith('ERR_SSL_')) return 'the TLS handshake failed';
  return 'the connection failed';
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The name without IPv6 brackets, as SNI and the certificate spell it. */
function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}
