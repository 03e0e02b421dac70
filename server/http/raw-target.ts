import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Path and query as the client sent them; in-process calls (tests) have only the parsed URL. */
export function rawTarget(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.url !== undefined) return incoming.url;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}
