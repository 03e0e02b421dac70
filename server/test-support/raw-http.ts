// Requests as a socket sends them: fetch and the URL parser would fold `..`, `%2e` and `//` before
// the server ever saw them, which is exactly what an attacker does not do.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { onTestFinished } from 'vitest';
import { type Deadlines, DEADLINES, listen } from '../listen';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The app on a real socket (port 0), closed when the test ends. */
export async function listening(app: Hono, deadlines: Deadlines = DEADLINES): Promise<number> {
  const info = await new Promise<AddressInfo>((resolve) => {
    const server = listen(app, { hostname: '127.0.0.1', port: 0 }, resolve, deadlines);
    onTestFinished(
      () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    );
  });
  return info.port;
}

/** Sends `head` (request line and headers, without the blank line) and `body`, then reads it all. */
export function rawRequest(
  port: number,
  head: string,
  options: { body?: string; endRequest?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseAnswer(text)));
    socket.write(`${head}\r\nConnection: close\r\n\r\n${options.body ?? ''}`);
    if (options.endRequest !== false) socket.end();
  });
}

function parseAnswer(text: string): RawAnswer {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
}
