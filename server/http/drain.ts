// Stopping without dropping a save. Once drained, the server takes no new connection (the
// listening socket closes: a connect is refused), answers a request that still arrives on an open
// connection 503 with `connection: close` (it was not acted on, so it is safe to send again),
// lets the requests it already took finish and closes their connections after their answers.
// At the time limit whatever is left is cut.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { newRequestId } from './error-response';

/** As @hono/node-server's getRequestListener makes it; it answers its own failures. */
type Listener = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface DrainResult {
  /** Requests being answered when the drain began. */
  inFlightAtStart: number;
  /** Requests still unanswered at the time limit, whose connections were then closed. */
  cut: number;
}

function refuse(response: ServerResponse): void {
  const requestId = newRequestId();
  const body = JSON.stringify({
    error: {
      code: 'SERVICE_UNAVAILABLE',
      message: 'This server is stopping and did not act on the request: send it again',
    },
    request_id: requestId,
  });
  response.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-request-id': requestId,
    connection: 'close',
  });
  response.end(body);
}

export class Drain {
  private draining = false;
  private readonly answering = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private onAllAnswered: (() => void) | undefined;

  /** Serves `listener` on `server`, counting its requests until their answers are sent. */
  attach(server: Server, listener: Listener): void {
    this.server = server;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.answering.add(response);
      // 'close' comes after the answer is sent, or when the client hung up first.
      response.once('close', () => {
        this.answering.delete(response);
        if (this.answering.size === 0) this.onAllAnswered?.();
      });
      if (this.draining) refuse(response);
      else void listener(request, response);
    });
  }

  /** Requests taken and not yet answered. */
  get inFlight(): number {
    return this.answering.size;
  }

  /** Stops taking requests, waits at most `limitMs` for those in flight, then closes the rest. */
  async drain(limitMs: number): Promise<DrainResult> {
    const server = this.server;
    if (server === undefined) throw new Error('Drain.drain() before attach()');
    this.draining = true;
    const inFlightAtStart = this.answering.size;
    // Their answers close their connections, so no client sends one more request on them.
    for (const response of this.answering) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    // Closes the listening socket and (Node 19 and later) the idle keep-alive connections.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    const allAnswered = new Promise<void>((resolve) => {
      this.onAllAnswered = resolve;
      if (this.answering.size === 0) resolve();
    });

    await Promise.race([allAnswered, limit]);
    const cut = this.answering.size;
    if (cut === 0) {
      // Connections that still send answers close once they are out; the others (idle, or a
      // request still arriving) close now.
      for (const socket of this.sockets) {
        if (!socket.writableEnded && socket.writableLength === 0) socket.destroy();
      }
      await Promise.race([closed, limit]);
    }
    clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    return { inFlightAtStart, cut };
  }
}
