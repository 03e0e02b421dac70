// Compresses the two list answers of /api on the fly, brotli or gzip as the browser asks, and
// nothing else there. BREACH: an attacker who can make a victim's browser send requests, and can
// watch the length of the encrypted answers, recovers a secret byte by byte when one compressed
// answer holds both the secret and text the attacker chose (a URL typed into a form, say), because
// a guess that matches the secret compresses better. endpoint.update, endpoint.add and the secret
// route answer with a signing secret beside a URL the user typed, so they are sent as they are.
// The lists hold no secret (the forwarder strips them) and the catalog is Konpro's own text.
// This is an allowlist on purpose (`compress` in the route table): a route added later stays
// uncompressed until someone checks it.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { API_ROUTES } from '../../contract/routes';

/** GET answers of exactly these paths, as the browser spelled them, may be compressed. */
const COMPRESSED_ROUTES = new Set(
  API_ROUTES.filter((route) => route.compress && route.method === 'GET').map(
    (route) => `/api${route.path}`,
  ),
);
// Below this, the headers outweigh what compression saves.
const THRESHOLD_BYTES = 1024;
type Encoding = 'br' | 'gzip';
// Quality 5 is about as fast as gzip and a good deal smaller; 11 is for files built once.
const BROTLI_QUALITY = 5;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function compressLists(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || !COMPRESSED_ROUTES.has(new URL(c.req.url).pathname)) return;
    c.header('vary', 'Accept-Encoding', { append: true });
    const response = c.res;
    const type = response.headers.get('content-type') ?? '';
    if (
      !response.ok ||
      response.headers.has('content-encoding') ||
      !/^application\/json/.test(type)
    )
      return;
    const encoding = accepts(c, {
      header: 'Accept-Encoding',
      supports: ['br', 'gzip'],
      default: 'identity',
      match: preferServerOrder,
    });
    if (encoding !== 'br' && encoding !== 'gzip') return;
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength < THRESHOLD_BYTES) {
      c.res = new Response(body, response);
      return;
    }
    const compressed = await compress(body, encoding);
    c.res = new Response(new Uint8Array(compressed), response);
    c.res.headers.set('content-encoding', encoding);
    c.res.headers.set('content-length', String(compressed.byteLength));
  };
}

function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body);
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

type Accepted = { type: string; q: number };

/**
 * Browsers list `gzip` before `br` with the same weight; among equal weights the server's order
 * (brotli first, it is smaller) decides. A weight of 0 refuses an encoding, also through `*`.
 */
function preferServerOrder(
  accepted: Accepted[],
  { supports, default: fallback }: { supports: string[]; default: string },
): string {
  const weight = (name: string) =>
    accepted.find((entry) => entry.type.toLowerCase() === name)?.q ??
    accepted.find((entry) => entry.type === '*')?.q ??
    0;
  let best: { name: string; q: number } | undefined;
  for (const name of supports) {
    const q = weight(name);
    if (q > 0 && (best === undefined || q > best.q)) best = { name, q };
  }
  return best?.name ?? fallback;
}
