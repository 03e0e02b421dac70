// One rule for a webhook URL, used by the form and by the emulator. Konpro's servers call the URL
// from the internet, so besides "https only" it refuses hosts that only make sense on a private
// network: they would be accepted by a naive check and then never receive a delivery.
//
// `allowLoopback` admits this machine's own addresses (localhost, 127.0.0.0/8, ::1): a developer
// testing a receiver on their own machine, and the tests, set KONPRO_CHECK_ALLOW_LOOPBACK=1 on the
// server, which tells the page.
import { MAX_URL_LENGTH } from './schemas';

export type WebhookUrlCheck =
  /** `url` is what is stored and sent: the parser's normal form (`new URL(input).href`). */
  { ok: true; url: string; host: string } | { ok: false; reason: string };

// Characters that make a URL read differently from what it is: bidi controls reorder what the admin
// sees (`moc.evil` shown as `live.com`), zero-width ones hide inside a name that looks familiar.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

export const UNREACHABLE_HOST =
  "Konpro's servers cannot reach this address: use a public host name";
const SINGLE_LABEL =
  'A name without a dot only means something inside one network: use the full public host name';

export interface WebhookUrlOptions {
  /** Admits loopback hosts (KONPRO_CHECK_ALLOW_LOOPBACK=1 on the server). Default false. */
  allowLoopback?: boolean;
}

export function checkWebhookUrl(
  raw: string,
  { allowLoopback = false }: WebhookUrlOptions = {},
): WebhookUrlCheck {
  // Spaces around a pasted URL are a copy artefact, not part of it.
  const input = raw.trim();
  if (input === '') return { ok: false, reason: 'Enter the URL that receives the webhooks' };
  if (input.includes('\\')) {
    return { ok: false, reason: 'The URL must not contain a backslash (\\); use / instead' };
  }
  if (BIDI_CONTROLS.test(input)) {
    return { ok: false, reason: 'The URL contains invisible text-direction characters' };
  }
  if (ZERO_WIDTH.test(input)) {
    return { ok: false, reason: 'The URL contains invisible zero-width characters' };
  }
  // Before the spaces: "not a url at all" is not a web address, whatever else is wrong with it.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(input)) {
    return {
      ok: false,
      reason: 'This is not a web address: enter a full URL starting with https://',
    };
  }
  if (/\s/.test(input)) return { ok: false, reason: 'The URL must not contain spaces' };
  if (input.length > MAX_URL_LENGTH) {
    return { ok: false, reason: `The URL must be at most ${MAX_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'This is not a valid URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'The URL must start with https://' };
  if (url.hostname === '') return { ok: false, reason: 'The URL needs a host name' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'The URL must not contain a user name or password' };
  }
  if (input.includes('#')) return { ok: false, reason: 'The URL must not contain a #fragment' };
  const loopback = allowLoopback && isLoopbackHost(url.hostname);
  if (!loopback && isUnreachableHost(url.hostname)) return { ok: false, reason: UNREACHABLE_HOST };
  // `https://intranet/hook`: the resolver completes such a name from its own search domains.
  const singleLabel = !url.hostname.replace(/\.$/, '').includes('.');
  if (!loopback && singleLabel && !url.hostname.startsWith('[')) {
    return { ok: false, reason: SINGLE_LABEL };
  }
  // Non-ASCII paths grow when percent-encoded: the limit applies to what is sent.
  if (url.href.length > MAX_URL_LENGTH) {
    return { ok: false, reason: `The URL must be at most ${MAX_URL_LENGTH} characters` };
  }
  return { ok: true, url: url.href, host: url.hostname };
}

// Names that are never delegated in the public DNS, so Konpro's servers can never resolve them:
// RFC 6761 (.test, .invalid, .localhost), RFC 6762 (.local), RFC 8375 (.home.arpa), RFC 7686
// (.onion), RFC 9476 (.alt), ICANN's .internal (2024) and the names it withholds for collisions
// with private networks (.corp, .home, .mail), and the customary .lan, .localdomain, .intranet.
// Not `.example` (RFC 6761 too): documentation and this project's fixtures use it to stand for a
// public name, and a URL written that way fails at delivery rather than misleading anyone.
const NON_PUBLIC_SUFFIX =
  /\.(localhost|local|internal|test|invalid|onion|alt|home\.arpa|corp|home|mail|lan|localdomain|intranet)$/;

/** `hostname` as the WHATWG parser gives it: lower case, punycode, IPv6 in brackets. */
export function isUnreachableHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  if (host === 'localhost' || NON_PUBLIC_SUFFIX.test(host)) return true;
  if (host.startsWith('[')) return isPrivateIpv6(host.slice(1, -1));
  const v4 = parseIpv4(host);
  return v4 !== null && isPrivateIpv4(v4);
}

/** This machine's own names and addresses: localhost, 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[')) {
    const words = expandIpv6(host.slice(1, -1));
    if (words === null || words.slice(0, 5).some((w) => w !== 0)) return false;
    const [, , , , , w5 = 0, w6 = 0, w7 = 0] = words;
    return (w5 === 0 && w6 === 0 && w7 === 1) || (w5 === 0xffff && w6 >> 8 === 127);
  }
  return parseIpv4(host)?.[0] === 127;
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  return parts.map(Number);
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // unspecified, "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  );
}

function isPrivateIpv6(address: string): boolean {
  const words = expandIpv6(address);
  if (words === null) return true;
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = words;
  const leadingZero = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  if (leadingZero && (w5 === 0 || w5 === 0xffff)) {
    // ::, ::1, IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d
    if (w5 === 0 && w6 === 0) return true;
    return isPrivateIpv4([w6 >> 8, w6 & 0xff, w7 >> 8, w7 & 0xff]);
  }
  return (
    (w0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (w0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (w0 & 0xff00) === 0xff00 // multicast
  );
}

/** The WHATWG parser has already validated and compressed the address; this only expands it. */
function expandIpv6(address: string): number[] | null {
  const [head = '', tail] = address.split('::');
  const toWords = (part: string) =>
    part === '' ? [] : part.split(':').map((w) => parseInt(w, 16));
  const headWords = toWords(head);
  const tailWords = tail === undefined ? [] : toWords(tail);
  const missing = 8 - headWords.length - tailWords.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const words = [...headWords, ...Array<number>(missing).fill(0), ...tailWords];
  return words.some((w) => Number.isNaN(w)) ? null : words;
}
