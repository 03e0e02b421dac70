// The HTTP server around the app, with deadlines lower than Node's defaults (5 minutes for a
// request): a client that trickles its headers or body holds a connection for seconds, not minutes.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { Drain } from './http/drain';

export interface Deadlines {
  /** All headers must arrive within this long. */
  headersMs: number;
  /** The whole request, body included, must arrive within this long. */
  requestMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
}

export const DEADLINES: Deadlines = { headersMs: 10_000, requestMs: 15_000, checkEveryMs: 1_000 };

export interface ListenOptions {
  hostname: string;
  port: number;
  /** What later stops the server without cutting the saves it is answering (http/drain.ts). */
  drain?: Drain;
}

export function listen(
  app: Hono,
  { hostname, port, drain = new Drain() }: ListenOptions,
  onListening: (info: AddressInfo) => void,
  deadlines: Deadlines = DEADLINES,
): Server {
  const server = createServer({
    headersTimeout: deadlines.headersMs,
    requestTimeout: deadlines.requestMs,
    connectionsCheckingInterval: deadlines.checkEveryMs,
    keepAliveTimeout: 5_000,
  });
  drain.attach(server, getRequestListener(app.fetch, { hostname }));
  server.listen(port, hostname, () => {
    onListening(server.address() as AddressInfo);
  });
  return server;
}
