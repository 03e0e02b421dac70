// An HTTPS webhook receiver on 127.0.0.1 for the URL check's tests: it records every request it
// is sent and answers as the test says. It closes when the test ends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { KeyPair } from './test-ca';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer = (response: ServerResponse, request: Received) => void;

export interface Receiver {
  port: number;
  /** Every request, in order, with its whole body. */
  received: Received[];
  /** TCP connections accepted, handshakes that failed included. */
  connections: () => number;
}

const answerOk: Answer = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"received":true}');
};

export async function startReceiver(
  pair: KeyPair,
  answer: Answer = answerOk,
  tls: ServerOptions = {},
): Promise<Receiver> {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer({ ...pair, ...tls }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: Received = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(seen);
      answer(response, seen);
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  // A check that refuses the certificate ends the handshake; the server need not hear of it.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, received, connections: () => connections };
}
