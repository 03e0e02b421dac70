// The HTTP server around the app, with deadlines lower than Node's defaults (5 minutes for a
// request): a client that trickles its headers or body holds a connection for seconds, not minutes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Deadlines {
  /** All headers must arrive within this long. */
  headersMs: number;
  /** The whole request, body included, must arrive within this long. */
  requestMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
}

export const DEADLINES: Deadlines = { headersMs: 10_000, requestMs: 15_000, checkEveryMs: 1_000 };

export function listen(
  app: Hono,
  address: { hostname: string; port: number },
  onListening: (info: AddressInfo) => void,
  deadlines: Deadlines = DEADLINES,
): Server {
  const server = serve(
    {
      fetch: app.fetch,
      ...address,
      serverOptions: {
        headersTimeout: deadlines.headersMs,
        requestTimeout: deadlines.requestMs,
        connectionsCheckingInterval: deadlines.checkEveryMs,
        keepAliveTimeout: 5_000,
      },
    },
    onListening,
  );
  return server as Server;
}
