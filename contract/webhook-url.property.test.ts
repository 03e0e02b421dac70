// Property-based tests of the one URL rule that the form and the emulator share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url';

const RUNS = { numRuns: 10_000 };

const whatwgAccepts = (input: string) => {
  try {
    new URL(input);
    return true;
  } catch {
    return false;
  }
};

/** Strings that look like URLs, and their near misses, as well as plain noise. */
const urlish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:', 'https:///', '//', ''),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    )
    .map(([scheme, rest]) => scheme + rest),
);

const byte = fc.integer({ min: 0, max: 255 });

/** IPv4 addresses of every refused range. */
const refusedIpv4 = fc.oneof(
  fc.tuple(fc.constant(0), byte, byte, byte),
  fc.tuple(fc.constant(10), byte, byte, byte),
  fc.tuple(fc.constant(127), byte, byte, byte),
  fc.tuple(fc.constant(169), fc.constant(254), byte, byte),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), byte, byte),
  fc.tuple(fc.constant(192), fc.constant(168), byte, byte),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), byte, byte),
);

/** The spellings the WHATWG parser folds into one address: dotted, hex, octal, one integer. */
const ipv4Spelling = refusedIpv4.chain((parts) =>
  fc.constantFrom(
    parts.join('.'),
    parts.map((p) => `0x${p.toString(16)}`).join('.'),
    parts.map((p) => `0${p.toString(8)}`).join('.'),
    String(parts.reduce((n, p) => n * 256 + p, 0)),
    `[::ffff:${parts.join('.')}]`,
  ),
);

const hex16 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const refusedIpv6 = fc.oneof(
  fc.constantFrom('[::1]', '[::]', '[0:0:0:0:0:0:0:1]'),
  fc
    .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), hex16)
    .map(([a, b]) => `[${a.toString(16)}::${b}]`),
  fc
    .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), hex16)
    .map(([a, b]) => `[${a.toString(16)}::${b}]`),
);

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const refusedName = fc.oneof(
  fc.constantFrom('localhost', 'LOCALHOST', 'localhost.'),
  // A single label, which a resolver completes from its own search domains.
  label.filter((l) => !/^(\d+|0x[0-9a-f]*)$/.test(l)).chain((l) => fc.constantFrom(l, `${l}.`)),
  fc
    .tuple(label, fc.constantFrom('localhost', 'local', 'internal', 'LOCAL'))
    .map(([l, t]) => `${l}.${t}`),
);

const refusedHost = fc.oneof(ipv4Spelling, refusedIpv6, refusedName);
const path = fc.webPath();

describe('checkWebhookUrl, for any input', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        checkWebhookUrl(input);
      }),
      RUNS,
    );
  });

  it('never accepts what the WHATWG URL parser rejects', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        if (checkWebhookUrl(input).ok) expect(whatwgAccepts(input)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never accepts a scheme other than https', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,8}$/).filter((s) => s !== 'https');
    fc.assert(
      fc.property(scheme, fc.domain(), path, (s, host, p) => {
        expect(checkWebhookUrl(`${s}://${host}${p}`).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('never accepts a host that Konpro could not reach', () => {
    fc.assert(
      fc.property(
        refusedHost,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        path,
        (host, port, p) => {
          const input = `https://${host}${port === null ? '' : `:${port}`}${p}`;
          const check = checkWebhookUrl(input);
          expect(check.ok).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('accepts public https URLs, so the rule is not simply "refuse everything"', () => {
    const reserved =
      /(^|\.)(localhost|local|internal|test|invalid|onion|alt|home\.arpa|corp|home|mail|lan|localdomain|intranet)$/;
    const publicDomain = fc.domain().filter((d) => !reserved.test(d));
    fc.assert(
      fc.property(publicDomain, path, (host, p) => {
        expect(checkWebhookUrl(`https://${host}${p}`).ok).toBe(true);
      }),
      RUNS,
    );
  });
});
