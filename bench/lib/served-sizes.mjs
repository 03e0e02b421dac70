// What the server actually sends: each file requested as a browser would, with its
// Accept-Encoding, and counted by the Content-Length of the answer (the body's length when there
// is none). Shared by the bench and by `npm run check:size`, so both count the same bytes.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { htmlAssetRefs, staticImports } from './asset-sizes.mjs';

/** What Chromium sends, so the server picks what it would pick for a real visitor. */
export const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
export const GZIP_ONLY = 'gzip';
export const IDENTITY = 'identity';

const DECODERS = { br: brotliDecompressSync, gzip: gunzipSync };

/**
 * GETs `url` over plain node:http (fetch would decompress and hide the sizes) and resolves with
 * the status, the headers, the bytes on the wire and the decoded body.
 */
export function fetchServed(url, acceptEncoding = BROWSER_ENCODINGS) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? 'identity';
        const decode = DECODERS[encoding];
        const length = Number(res.headers['content-length'] ?? wire.length);
        resolvePromise({
          status: res.statusCode,
          headers: res.headers,
          encoding,
          bytes: length,
          body: decode ? decode(wire) : wire,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function describe(path, answer) {
  return { file: path, encoding: answer.encoding, bytes: answer.bytes, raw: answer.body.length };
}

async function fetchOk(url, acceptEncoding) {
  const answer = await fetchServed(url, acceptEncoding);
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
  return answer;
}

/** `paths` and every chunk they statically import, transitively, as served, less `skip`. */
async function crawl(baseUrl, paths, acceptEncoding, skip = new Set()) {
  const seen = new Set(skip);
  const files = [];
  const queue = [...paths];
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const answer = await fetchOk(new URL(path, baseUrl), acceptEncoding);
    files.push(describe(path, answer));
    if (!path.endsWith('.js')) continue;
    for (const specifier of staticImports(answer.body.toString('utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        queue.push(new URL(specifier, new URL(path, baseUrl)).pathname);
      }
    }
  }
  return files;
}

const totals = (files) => ({
  files,
  bytes: files.reduce((sum, file) => sum + file.bytes, 0),
  raw: files.reduce((sum, file) => sum + file.raw, 0),
});

/**
 * A page as a first visit downloads it before anything runs: the HTML, then the scripts, module
 * preloads and style sheets it names, and the chunks those import statically.
 */
export async function pageOnWire(baseUrl, pagePath, acceptEncoding = BROWSER_ENCODINGS) {
  const page = await fetchOk(new URL(pagePath, baseUrl), acceptEncoding);
  const refs = htmlAssetRefs(page.body.toString('utf8')).map(
    (href) => new URL(href, new URL(pagePath, baseUrl)).pathname,
  );
  const assets = await crawl(baseUrl, refs, acceptEncoding);
  return totals([describe(pagePath, page), ...assets]);
}

/** Files (a module and what it imports, or separate files) as served, less those in `skip`. */
export async function filesOnWire(baseUrl, paths, acceptEncoding = BROWSER_ENCODINGS, skip) {
  return totals(await crawl(baseUrl, paths, acceptEncoding, skip));
}

/**
 * Everything the bench reports about bytes, read from the two running servers: the list page and
 * a deep link as a browser gets them (and as a gzip-only and an uncompressed client would), the
 * chunks the list page leaves for later, the embed module and the two list answers of the API.
 */
export async function measureServedSizes({ appUrl, baselineUrl, deepLinkPath, lazyPaths }) {
  const both = async (acceptEncoding) => ({
    app: await pageOnWire(appUrl, '/', acceptEncoding),
    baseline: await pageOnWire(baselineUrl, '/', acceptEncoding),
  });
  const browser = await both(BROWSER_ENCODINGS);
  const deepLink = await pageOnWire(appUrl, deepLinkPath);
  const loadedUpFront = new Set(browser.app.files.map((file) => file.file));
  const embedAnswer = await fetchServed(new URL('/embed/konpro-webhook-editor.js', appUrl));
  return {
    ...browser,
    deepLink,
    gzip: await both(GZIP_ONLY),
    identity: await both(IDENTITY),
    lazy: await filesOnWire(appUrl, lazyPaths, BROWSER_ENCODINGS, loadedUpFront),
    embed:
      embedAnswer.status === 200
        ? {
            browser: await filesOnWire(appUrl, ['/embed/konpro-webhook-editor.js']),
            gzip: await filesOnWire(appUrl, ['/embed/konpro-webhook-editor.js'], GZIP_ONLY),
          }
        : null,
    api: await filesOnWire(appUrl, [
      '/api/v1/webhook/endpoint.list',
      '/api/v1/webhook/webhook.list',
    ]),
  };
}
