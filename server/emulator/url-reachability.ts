// Konpro sends an OPTIONS request to a new URL (1 s timeout) and refuses one that does not answer.
// Any HTTP answer counts, even an error status: the point is that something is listening.
//
// The check itself must not become a way into the server's own network: the name is resolved once,
// every address it gives must be public (server/net/special-addresses.ts), and the request goes to the address that was checked (a
// second lookup could be answered with 127.0.0.1 by a name that rebinds).
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isLoopbackAddress, isPublicAddress } from '../net/special-addresses';

export type UrlCheck = (url: string) => Promise<boolean>;

export interface UrlCheckOptions {
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1: a receiver on this machine counts too. Default false. */
  allowLoopback?: boolean;
  /** Whether an address may not be called; tests admit loopback to stand a server there. */
  isBlocked?: (address: string) => boolean;
  timeoutMs?: number;
}

const REACHABILITY_TIMEOUT_MS = 1000;

export function createUrlCheck(options: UrlCheckOptions = {}): UrlCheck {
  const lookup = options.lookup ?? ((host) => dnsLookup(host, { all: true, verbatim: true }));
  const allowLoopback = options.allowLoopback ?? false;
  const isBlocked =
    options.isBlocked ??
    ((address: string) =>
      !isPublicAddress(address) && !(allowLoopback && isLoopbackAddress(address)));
  const timeoutMs = options.timeoutMs ?? REACHABILITY_TIMEOUT_MS;

  return async (input) => {
    const url = new URL(input);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const deadline = AbortSignal.timeout(timeoutMs);
    let addresses: { address: string; family: number }[];
    try {
      // The one deadline covers the lookup too: a resolver that never answers is unreachable.
      addresses = isIP(host)
        ? [{ address: host, family: isIP(host) }]
        : await withDeadline(lookup(host), deadline);
    } catch {
      return false;
    }
    const [chosen] = addresses;
    if (!chosen || addresses.some((a) => isBlocked(a.address))) return false;
    return new Promise<boolean>((resolve) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        {
          host: chosen.address,
          family: chosen.family,
          port: url.port || (url.protocol === 'https:' ? 443 : 80),
          path: url.pathname + url.search,
          method: 'OPTIONS',
          // The certificate is checked against the name, while the socket goes to the address.
          servername: isIP(host) ? undefined : host,
          headers: { host: url.host },
          signal: deadline,
        },
        (response) => {
          response.resume();
          resolve(true);
        },
      );
      request.on('error', () => resolve(false));
      request.end();
    });
  };
}

/** `promise`, or a rejection once `signal` aborts, whichever comes first. */
function withDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('no answer before the deadline'));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
