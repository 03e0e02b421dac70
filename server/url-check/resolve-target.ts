// The name is resolved once, and every address it gives must be public: a name with one public
// and one private address could otherwise be reached at the private one. The connection then
// goes to an address that was judged here, never to a second lookup's answer (a name that
// rebinds could give 127.0.0.1 the second time).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressKind, addressKind } from '../net/special-addresses';
import type { Deadline } from './deadline';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: Lookup = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export type Target = { ok: true; addresses: ResolvedAddress[] } | { ok: false; problem: string };

const REFUSED: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: 'it resolves to a loopback address (this server itself)',
  'link-local': 'it resolves to a link-local address',
  special: 'it resolves to a private address',
};

// The resolver could not be asked, which says nothing about the name itself.
const RESOLVER_FAILURES = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL']);

/** `hostname` as the URL parser gives it: lower case, IPv6 in brackets. */
export async function resolveTarget(
  hostname: string,
  options: { lookup: Lookup; allowLoopback: boolean },
  deadline: Deadline,
): Promise<Target> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await deadline.race(options.lookup(host));
    } catch (error) {
      if (deadline.signal.aborted) throw error;
      const code = (error as { code?: unknown } | null)?.code;
      return {
        ok: false,
        problem:
          typeof code === 'string' && RESOLVER_FAILURES.has(code)
            ? 'the name could not be looked up: the resolver did not answer'
            : 'the name does not resolve',
      };
    }
  }
  if (addresses.length === 0) return { ok: false, problem: 'the name does not resolve' };
  for (const { address } of addresses) {
    const kind = addressKind(address);
    if (kind === 'public' || (kind === 'loopback' && options.allowLoopback)) continue;
    return { ok: false, problem: REFUSED[kind] };
  }
  return { ok: true, addresses };
}
