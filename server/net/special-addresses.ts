// The addresses a server must never call on behalf of a URL someone typed: every range of IANA's
// IPv4 and IPv6 Special-Purpose Address Registries (whether or not the registry calls it globally
// reachable: a benchmarking, documentation or relay range is never a webhook receiver), and IPv6
// outside 2000::/3, the only block allocated for global unicast. An IPv4-mapped IPv6 address
// (::ffff:a.b.c.d) is judged by its IPv4 address; NAT64 and 6to4 addresses are refused whole,
// since a translator on the server's own network would turn them into any IPv4 address at all.
//
// This module knows nothing of Konpro or the emulator, so any check of an outgoing URL can share it.
import { BlockList, isIP } from 'node:net';

export type AddressRange = readonly [prefix: string, length: number, name: string];

export const SPECIAL_IPV4: readonly AddressRange[] = [
  ['0.0.0.0', 8, '"This network" (RFC 791)'],
  ['10.0.0.0', 8, 'Private use (RFC 1918)'],
  ['100.64.0.0', 10, 'Shared address space, carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'Loopback (RFC 1122)'],
  ['169.254.0.0', 16, 'Link local, cloud metadata services among them (RFC 3927)'],
  ['172.16.0.0', 12, 'Private use (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (RFC 6890)'],
  ['192.0.2.0', 24, 'Documentation, TEST-NET-1 (RFC 5737)'],
  ['192.31.196.0', 24, 'AS112-v4 (RFC 7535)'],
  ['192.52.193.0', 24, 'AMT (RFC 7450)'],
  ['192.88.99.0', 24, 'Deprecated 6to4 relay anycast (RFC 7526)'],
  ['192.168.0.0', 16, 'Private use (RFC 1918)'],
  ['192.175.48.0', 24, 'Direct delegation AS112 service (RFC 7534)'],
  ['198.18.0.0', 15, 'Benchmarking (RFC 2544)'],
  ['198.51.100.0', 24, 'Documentation, TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0', 24, 'Documentation, TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0', 4, 'Multicast (RFC 5771)'],
  ['240.0.0.0', 4, 'Reserved, and the limited broadcast 255.255.255.255 (RFC 1112, RFC 919)'],
];

export const SPECIAL_IPV6: readonly AddressRange[] = [
  ['::', 128, 'Unspecified (RFC 4291)'],
  ['::1', 128, 'Loopback (RFC 4291)'],
  ['64:ff9b::', 96, 'IPv4/IPv6 translation, NAT64 (RFC 6052)'],
  ['64:ff9b:1::', 48, 'Local-use IPv4/IPv6 translation (RFC 8215)'],
  ['100::', 64, 'Discard-only (RFC 6666)'],
  ['100:0:0:1::', 64, 'Dummy prefix (RFC 9780)'],
  ['2001::', 23, 'IETF protocol assignments, Teredo 2001::/32 among them (RFC 2928, RFC 4380)'],
  ['2001:db8::', 32, 'Documentation (RFC 3849)'],
  ['2002::', 16, '6to4 (RFC 3056)'],
  ['2620:4f:8000::', 48, 'Direct delegation AS112 service (RFC 7534)'],
  ['3fff::', 20, 'Documentation (RFC 9637)'],
  ['5f00::', 16, 'Segment routing SIDs (RFC 9602)'],
  ['fc00::', 7, 'Unique local (RFC 4193)'],
  ['fe80::', 10, 'Link-local unicast (RFC 4291)'],
  ['fec0::', 10, 'Deprecated site-local (RFC 3879)'],
  ['ff00::', 8, 'Multicast (RFC 4291)'],
  // With 2000::/3 these cover all of IPv6: whatever IANA has not allocated for global unicast.
  ['::', 3, 'Not global unicast: reserved by the IETF (outside 2000::/3)'],
  ['4000::', 2, 'Not global unicast: reserved by the IETF (outside 2000::/3)'],
  ['8000::', 1, 'Not global unicast: reserved by the IETF (outside 2000::/3)'],
];

// One list per family: Node's BlockList also matches an IPv4 address against IPv6 rules, as
// ::ffff:a.b.c.d, which ::/3 would then refuse whatever the address.
const specialIpv4 = new BlockList();
for (const [prefix, length] of SPECIAL_IPV4) specialIpv4.addSubnet(prefix, length, 'ipv4');
const specialIpv6 = new BlockList();
for (const [prefix, length] of SPECIAL_IPV6) specialIpv6.addSubnet(prefix, length, 'ipv6');

/**
 * Whether `address`, an IP address as a resolver gives it, is an ordinary public unicast address.
 * Anything else is not: a special-purpose address, a scoped one (`fe80::1%eth0`), or a string that
 * is no IP address at all.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0 || address.includes('%')) return false;
  if (family === 4) return !specialIpv4.check(address, 'ipv4');
  const mapped = mappedIpv4(address);
  if (mapped !== null) return !specialIpv4.check(mapped, 'ipv4');
  return !specialIpv6.check(address, 'ipv6');
}

// Two kinds the words of a refusal name, and loopback is what KONPRO_CHECK_ALLOW_LOOPBACK=1 admits.
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
const linkLocal = new BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

export type AddressKind = 'public' | 'loopback' | 'link-local' | 'special';

/**
 * What kind of address `address` is: public (isPublicAddress), this machine's own (loopback),
 * link-local (169.254.0.0/16 with the cloud's metadata service, fe80::/10), or any other
 * special-purpose address (private networks among them), or no address at all.
 */
export function addressKind(address: string): AddressKind {
  if (isPublicAddress(address)) return 'public';
  const family = isIP(address);
  if (family === 0 || address.includes('%')) return 'special';
  const [judged, type] =
    family === 4 ? [address, 'ipv4' as const] : mappedAs(mappedIpv4(address), address);
  if (loopback.check(judged, type)) return 'loopback';
  if (linkLocal.check(judged, type)) return 'link-local';
  return 'special';
}

/** Whether `address` is one of this machine's own: 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104. */
export function isLoopbackAddress(address: string): boolean {
  return addressKind(address) === 'loopback';
}

function mappedAs(mapped: string | null, address: string): [string, 'ipv4' | 'ipv6'] {
  return mapped === null ? [address, 'ipv6'] : [mapped, 'ipv4'];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:0:0/96), else null. */
function mappedIpv4(address: string): string | null {
  // The URL parser writes any spelling of an IPv6 address in one canonical form: `::ffff:7f00:1`.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const [high, low] = [parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
