import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo, Socket } from 'node:net';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createUrlCheck } from './url-reachability';

async function listeningServer() {
  const seen: { method?: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method, headers: request.headers });
    response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, seen };
}

describe('the emulator reachability check', () => {
  it('refuses a name that resolves to any private address, without connecting', async () => {
    const { port, seen } = await listeningServer();
    // Most of these would not answer anyway: what counts is that no connection is even tried.
    const connect = vi.spyOn(Socket.prototype, 'connect');
    onTestFinished(() => connect.mockRestore());
    for (const addresses of [
      [{ address: '127.0.0.1', family: 4 }],
      [{ address: '10.0.0.7', family: 4 }],
      [
        { address: '93.184.215.14', family: 4 },
        { address: '192.168.1.1', family: 4 },
      ],
      [{ address: '::1', family: 6 }],
      [{ address: '::ffff:127.0.0.1', family: 6 }],
      [{ address: 'fd00::1', family: 6 }],
      // Ranges a hand-written list missed: NAT64 and 6to4 (which a translator on the server's
      // network turns into any IPv4 address, 127.0.0.1 included), benchmarking, Teredo.
      [{ address: '64:ff9b::7f00:1', family: 6 }],
      [{ address: '64:ff9b:1::a00:1', family: 6 }],
      [{ address: '2002:7f00:1::1', family: 6 }],
      [{ address: '198.18.0.1', family: 4 }],
      [{ address: '::ffff:198.18.0.1', family: 6 }],
      [{ address: '2001:0:4136:e378:8000:63bf:3fff:fdd2', family: 6 }],
      [{ address: '192.0.0.170', family: 4 }],
      [{ address: 'fe80::1%lo', family: 6 }],
      [],
    ]) {
      const check = createUrlCheck({ lookup: () => Promise.resolve(addresses) });
      // Plain http, so that a connection, were it made, would be answered.
      expect(await check(`http://rebind.example:${port}/hook`)).toBe(false);
    }
    expect(await createUrlCheck()(`http://127.0.0.1:${port}/`)).toBe(false);
    expect(await createUrlCheck()(`http://[64:ff9b::7f00:1]:${port}/`)).toBe(false);
    expect(await createUrlCheck()(`http://198.18.0.1:${port}/`)).toBe(false);
    expect(seen).toHaveLength(0);
    expect(connect).not.toHaveBeenCalled();
  });

  it('connects to the address it checked, once resolved, sending the name as Host', async () => {
    const { port, seen } = await listeningServer();
    const answers = [[{ address: '127.0.0.1', family: 4 }], [{ address: '10.1.2.3', family: 4 }]];
    const check = createUrlCheck({
      lookup: () => Promise.resolve(answers.shift() ?? []),
      // Loopback stands in for a public address here; the second answer would be refused.
      isBlocked: (address) => address !== '127.0.0.1',
    });
    expect(await check(`http://hooks.example:${port}/in?x=1`)).toBe(true);
    expect(seen).toEqual([
      {
        method: 'OPTIONS',
        headers: expect.objectContaining({ host: `hooks.example:${port}` }) as unknown,
      },
    ]);
    expect(answers).toHaveLength(1);
  });

  it('reaches a loopback receiver with KONPRO_CHECK_ALLOW_LOOPBACK=1, and nothing else private', async () => {
    const { port, seen } = await listeningServer();
    const resolvingTo = (address: string) =>
      createUrlCheck({
        allowLoopback: true,
        lookup: () => Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]),
      });
    expect(await resolvingTo('127.0.0.1')(`http://hooks.example:${port}/`)).toBe(true);
    expect(await resolvingTo('::ffff:127.0.0.1')(`http://hooks.example:${port}/`)).toBe(true);
    expect(await createUrlCheck({ allowLoopback: true })(`http://127.0.0.1:${port}/`)).toBe(true);
    expect(seen).toHaveLength(3);
    for (const address of ['10.0.0.7', '169.254.169.254', 'fd00::1', '0.0.0.0']) {
      expect(await resolvingTo(address)(`http://hooks.example:${port}/`), address).toBe(false);
    }
    expect(seen).toHaveLength(3);
  });

  it('counts a name that does not resolve, or no answer in time, as unreachable', async () => {
    const failing = createUrlCheck({ lookup: () => Promise.reject(new Error('ENOTFOUND')) });
    expect(await failing('https://nowhere.example/')).toBe(false);
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      silent.closeAllConnections();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const check = createUrlCheck({
      lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
      isBlocked: () => false,
      timeoutMs: 100,
    });
    const port = (silent.address() as AddressInfo).port;
    expect(await check(`http://slow.example:${port}/`)).toBe(false);
  });

  it('counts a lookup that never answers as unreachable, within the same deadline', async () => {
    const hanging = createUrlCheck({ lookup: () => new Promise(() => undefined), timeoutMs: 100 });
    // Without the deadline this never settles, and the test times out.
    expect(await hanging('https://never-answers.example/')).toBe(false);
  });
});
