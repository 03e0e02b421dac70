import { describe, expect, it } from 'vitest';
import {
  SPECIAL_IPV4,
  SPECIAL_IPV6,
  addressKind,
  isLoopbackAddress,
  isPublicAddress,
} from './special-addresses';

// Each range: addresses inside it (its first and last at least), and its neighbours just outside,
// which are public. A range inside a larger refused one has no public neighbour: `outside` is empty.
type Row = { inside: string[]; outside: string[] };
const LAST = 'ffff:ffff:ffff:ffff:ffff';

const IPV4: Record<string, Row> = {
  '0.0.0.0/8': { inside: ['0.0.0.0', '0.255.255.255'], outside: ['1.0.0.0'] },
  '10.0.0.0/8': { inside: ['10.0.0.0', '10.255.255.255'], outside: ['9.255.255.255', '11.0.0.0'] },
  '100.64.0.0/10': {
    inside: ['100.64.0.0', '100.127.255.255'],
    outside: ['100.63.255.255', '100.128.0.0'],
  },
  '127.0.0.0/8': {
    inside: ['127.0.0.1', '127.255.255.255'],
    outside: ['126.255.255.255', '128.0.0.0'],
  },
  '169.254.0.0/16': {
    inside: ['169.254.0.0', '169.254.169.254', '169.254.255.255'],
    outside: ['169.253.255.255', '169.255.0.0'],
  },
  '172.16.0.0/12': {
    inside: ['172.16.0.0', '172.31.255.255'],
    outside: ['172.15.255.255', '172.32.0.0'],
  },
  '192.0.0.0/24': {
    inside: ['192.0.0.0', '192.0.0.255'],
    outside: ['191.255.255.255', '192.0.1.0'],
  },
  '192.0.2.0/24': { inside: ['192.0.2.0', '192.0.2.255'], outside: ['192.0.1.255', '192.0.3.0'] },
  '192.31.196.0/24': {
    inside: ['192.31.196.0', '192.31.196.255'],
    outside: ['192.31.195.255', '192.31.197.0'],
  },
  '192.52.193.0/24': {
    inside: ['192.52.193.0', '192.52.193.255'],
    outside: ['192.52.192.255', '192.52.194.0'],
  },
  '192.88.99.0/24': {
    inside: ['192.88.99.0', '192.88.99.255'],
    outside: ['192.88.98.255', '192.88.100.0'],
  },
  '192.168.0.0/16': {
    inside: ['192.168.0.0', '192.168.255.255'],
    outside: ['192.167.255.255', '192.169.0.0'],
  },
  '192.175.48.0/24': {
    inside: ['192.175.48.0', '192.175.48.255'],
    outside: ['192.175.47.255', '192.175.49.0'],
  },
  '198.18.0.0/15': {
    inside: ['198.18.0.0', '198.19.255.255'],
    outside: ['198.17.255.255', '198.20.0.0'],
  },
  '198.51.100.0/24': {
    inside: ['198.51.100.0', '198.51.100.255'],
    outside: ['198.51.99.255', '198.51.101.0'],
  },
  '203.0.113.0/24': {
    inside: ['203.0.113.0', '203.0.113.255'],
    outside: ['203.0.112.255', '203.0.114.0'],
  },
  // Above it lies 240.0.0.0/4; below 240.0.0.0/4 lies multicast.
  '224.0.0.0/4': { inside: ['224.0.0.0', '239.255.255.255'], outside: ['223.255.255.255'] },
  '240.0.0.0/4': { inside: ['240.0.0.0', '255.255.255.254', '255.255.255.255'], outside: [] },
};

// Everything outside 2000::/3 is refused, so ranges there have no public neighbour.
const IPV6: Record<string, Row> = {
  '::/128': { inside: ['::', '0:0:0:0:0:0:0:0'], outside: [] },
  '::1/128': { inside: ['::1', '0:0:0:0:0:0:0:1'], outside: [] },
  '64:ff9b::/96': {
    // Refused whole, a public IPv4 address inside included: a local NAT64 could map anywhere.
    inside: ['64:ff9b::', '64:ff9b::7f00:1', '64:ff9b::93.184.215.14', '64:ff9b::ffff:ffff'],
    outside: [],
  },
  '64:ff9b:1::/48': { inside: ['64:ff9b:1::', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'], outside: [] },
  '100::/64': { inside: ['100::', '100::ffff:ffff:ffff:ffff'], outside: [] },
  '100:0:0:1::/64': { inside: ['100:0:0:1::', '100:0:0:1:ffff:ffff:ffff:ffff'], outside: [] },
  '2001::/23': {
    inside: [
      '2001::',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2' /* Teredo */,
      `2001:1ff:${LAST}:ffff`,
    ],
    outside: [`2000:ffff:${LAST}:ffff`, '2001:200::'],
  },
  '2001:db8::/32': {
    inside: ['2001:db8::', `2001:db8:${LAST}:ffff`],
    outside: [`2001:db7:${LAST}:ffff`, '2001:db9::'],
  },
  '2002::/16': {
    inside: ['2002::', '2002:7f00:1::1', `2002:${LAST}:ffff:ffff`],
    outside: [`2001:ffff:${LAST}:ffff`, '2003::'],
  },
  '2620:4f:8000::/48': {
    inside: ['2620:4f:8000::', '2620:4f:8000:ffff:ffff:ffff:ffff:ffff'],
    outside: ['2620:4f:7fff:ffff:ffff:ffff:ffff:ffff', '2620:4f:8001::'],
  },
  '3fff::/20': {
    inside: ['3fff::', `3fff:fff:${LAST}:ffff`],
    outside: [`3ffe:ffff:${LAST}:ffff`, '3fff:1000::'],
  },
  '5f00::/16': { inside: ['5f00::', `5f00:${LAST}:ffff:ffff`], outside: [] },
  'fc00::/7': { inside: ['fc00::', 'fd00::1', `fdff:${LAST}:ffff:ffff`], outside: [] },
  'fe80::/10': { inside: ['fe80::', 'fe80::1', `febf:${LAST}:ffff:ffff`], outside: [] },
  'fec0::/10': { inside: ['fec0::', `feff:${LAST}:ffff:ffff`], outside: [] },
  'ff00::/8': { inside: ['ff00::', 'ff02::1', `ffff:${LAST}:ffff:ffff`], outside: [] },
  // The three that leave only 2000::/3: their neighbours are its first and last addresses.
  '::/3': { inside: ['::2', `1fff:${LAST}:ffff:ffff`], outside: ['2000::'] },
  '4000::/2': { inside: ['4000::', `7fff:${LAST}:ffff:ffff`], outside: [`3fff:${LAST}:ffff:ffff`] },
  '8000::/1': { inside: ['8000::', `ffff:${LAST}:ffff:ffff`], outside: [] },
};

const cidr = ([prefix, length]: readonly [string, number, string]) => `${prefix}/${length}`;

describe('the special-purpose address list', () => {
  it('has a test row for every range it holds, and no row for a range it lacks', () => {
    expect(SPECIAL_IPV4.map(cidr).sort()).toEqual(Object.keys(IPV4).sort());
    expect(SPECIAL_IPV6.map(cidr).sort()).toEqual(Object.keys(IPV6).sort());
  });

  describe.each(Object.entries(IPV4))('IPv4 %s', (_range, { inside, outside }) => {
    it('refuses the addresses inside, also written as IPv4-mapped IPv6', () => {
      for (const address of inside) {
        expect(isPublicAddress(address), address).toBe(false);
        expect(isPublicAddress(`::ffff:${address}`), `::ffff:${address}`).toBe(false);
      }
    });
    it('admits its neighbours just outside, also written as IPv4-mapped IPv6', () => {
      for (const address of outside) {
        expect(isPublicAddress(address), address).toBe(true);
        expect(isPublicAddress(`::ffff:${address}`), `::ffff:${address}`).toBe(true);
      }
    });
  });

  describe.each(Object.entries(IPV6))('IPv6 %s', (_range, { inside, outside }) => {
    it('refuses the addresses inside', () => {
      for (const address of inside) expect(isPublicAddress(address), address).toBe(false);
    });
    it('admits its neighbours just outside', () => {
      for (const address of outside) expect(isPublicAddress(address), address).toBe(true);
    });
  });

  it('judges an IPv4-mapped address by its IPv4 address, however it is written', () => {
    expect(isPublicAddress('::ffff:93.184.215.14')).toBe(true);
    expect(isPublicAddress('::ffff:5db8:d70e')).toBe(true);
    expect(isPublicAddress('0:0:0:0:0:ffff:7f00:1')).toBe(false);
    expect(isPublicAddress('::FFFF:A00:1')).toBe(false);
    // IPv4-compatible (::a.b.c.d, deprecated) and IPv4-translated (::ffff:0:a.b.c.d) are not mapped.
    expect(isPublicAddress('::93.184.215.14')).toBe(false);
    expect(isPublicAddress('::ffff:0:93.184.215.14')).toBe(false);
  });

  it('admits ordinary public addresses', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses what is no plain IP address: names, fragments, brackets, zones', () => {
    for (const address of ['', 'example.com', '1.2.3', '[::1]', '2606:4700::1111%eth0']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});

describe('addressKind', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['10.0.0.1', 'special'],
    ['192.168.1.1', 'special'],
    ['fd00::1', 'special'],
    ['0.0.0.0', 'special'],
    ['::', 'special'],
    ['fe80::1%eth0', 'special'],
    ['localhost', 'special'],
    ['', 'special'],
  ])('calls %s %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
    expect(isLoopbackAddress(address)).toBe(kind === 'loopback');
  });
});
