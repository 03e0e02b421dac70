// The drain on real sockets: what a client sees when the server stops while it is being answered,
// while it is idle on a kept-alive connection, and when it connects too late.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Hono } from 'hono';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listen } from '../listen';
import { Drain } from './drain';

/** Longer than any test's time limit: a drain that waited for it would fail the test. */
const NEVER_MS = 60_000;

/** An app whose `PATCH /save` answers when the test says so, on a drainable server. */
async function slowServer() {
  const drain = new Drain();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const saves: string[] = [];
  const app = new Hono();
  app.patch('/save', async (c) => {
    saves.push(await c.req.text());
    await released;
    return c.json({ saved: true });
  });
  app.get('/quick', (c) => c.json({ quick: true }));
  const info = await new Promise<AddressInfo>((resolve) => {
    const server = listen(app, { hostname: '127.0.0.1', port: 0, drain }, resolve);
    onTestFinished(() => {
      server.closeAllConnections();
      server.close();
    });
  });
  return { port: info.port, drain, release, saves };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(port: number, method: string, path: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', reject);
    request.end(method === 'PATCH' ? '{"url":"https://a.example.com"}' : undefined);
  });
}

/** Resolves with the error of a connection attempt, or null when it connects. */
function tryConnect(port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (error) => resolve(error));
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}

function closedPromise(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

describe('Drain', () => {
  it('lets a request in flight finish, closes its connection after, and refuses new ones', async () => {
    const { port, drain, release } = await slowServer();
    const agent = new Agent({ keepAlive: true });
    onTestFinished(() => agent.destroy());
    const save = send(port, 'PATCH', '/save', agent);
    await until(() => drain.inFlight === 1);

    const drained = drain.drain(NEVER_MS);
    expect(await tryConnect(port)).toMatchObject({ code: 'ECONNREFUSED' });
    release();
    const answer = await save;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ saved: true });
    expect(answer.headers.connection).toBe('close');
    expect(await drained).toEqual({ inFlightAtStart: 1, cut: 0 });
  });

  it('cuts a request still unanswered at the time limit', async () => {
    const { port, drain } = await slowServer();
    const save = send(port, 'PATCH', '/save');
    const failed = save.then(
      () => null,
      (error: unknown) => error,
    );
    await until(() => drain.inFlight === 1);
    expect(await drain.drain(200)).toEqual({ inFlightAtStart: 1, cut: 1 });
    expect(await failed).toMatchObject({ code: 'ECONNRESET' });
  });

  it('answers 503 with connection: close to a request that arrives on an open connection', async () => {
    const { port, drain, release, saves } = await slowServer();
    const held = send(port, 'PATCH', '/save');
    await until(() => drain.inFlight === 1);
    // A second client has connected and sent half its headers when the drain begins.
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    const closed = closedPromise(socket);
    socket.write('PATCH /save HTTP/1.1\r\nHost: 127.0.0.1\r\n');

    const drained = drain.drain(NEVER_MS);
    socket.write('Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
    await closed;
    const [head = '', body = ''] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head.toLowerCase()).toContain('\r\nconnection: close');
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(saves).toHaveLength(1); // the app never saw it

    release();
    expect((await held).status).toBe(200);
    expect(await drained).toEqual({ inFlightAtStart: 1, cut: 0 });
  });

  it('closes an idle kept-alive connection as soon as the drain begins', async () => {
    const { port, drain, release } = await slowServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    onTestFinished(() => agent.destroy());
    const socketOf = new Promise<Socket>((resolve) => agent.once('free', resolve));
    expect((await send(port, 'GET', '/quick', agent)).status).toBe(200);
    const idle = await socketOf;
    const closed = closedPromise(idle);
    const held = send(port, 'PATCH', '/save');
    await until(() => drain.inFlight === 1);

    const drained = drain.drain(NEVER_MS);
    await closed; // while the other request is still held
    expect(drain.inFlight).toBe(1);
    release();
    expect((await held).status).toBe(200);
    expect(await drained).toEqual({ inFlightAtStart: 1, cut: 0 });
  });

  it('ends at once when nothing is in flight', async () => {
    const { port, drain } = await slowServer();
    expect((await send(port, 'GET', '/quick')).status).toBe(200);
    expect(await drain.drain(NEVER_MS)).toEqual({ inFlightAtStart: 0, cut: 0 });
  });
});
