// Express speaks Node's req/res; the editor's handler speaks Web Request/Response. These two
// functions translate, keeping the body as the browser sent it (mount the handler before any
// body parser such as express.json(), which would consume it).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * @param {import('node:http').IncomingMessage & { originalUrl?: string, protocol?: string }} req
 * @param {import('node:http').ServerResponse} res
 * @returns {Request}
 */
export function toWebRequest(req, res) {
  // originalUrl keeps the mount path (/portal-api/...), which the handler's basePath expects.
  const url = new URL(
    req.originalUrl ?? req.url ?? '/',
    `${req.protocol ?? 'http'}://${req.headers.host}`,
  );
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  // The handler drops a write still waiting in its queue when the browser has gone.
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? /** @type {ReadableStream} */ (Readable.toWeb(req)) : null,
    // Node's fetch needs this for a streamed body.
    duplex: 'half',
    signal: gone.signal,
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Response} response
 */
export async function sendWebResponse(res, response) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (response.body === null) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(/** @type {any} */ (response.body)), res);
}
