// The URL check against real TLS: HTTPS receivers on 127.0.0.1 with certificates from a throwaway
// CA that openssl makes for this file, trusted through the check's `ca` option as a company's CA
// is through NODE_EXTRA_CA_CERTS. Names like `hooks.test` reach 127.0.0.1 through an injected
// lookup, so the certificate's name, the SNI and the address each play their real part. Loopback
// is admitted as with KONPRO_CHECK_ALLOW_LOOPBACK=1, except where a test says otherwise.
//
// TLS 1.0: Node 20 (OpenSSL 3.0) still serves it with `minVersion/maxVersion: 'TLSv1'` and
// `ciphers: 'DEFAULT@SECLEVEL=0'`, so that receiver is real too.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sampleDelivery, type SampleDelivery } from '../../contract/event-samples';
import { type Answer, startReceiver } from '../test-support/https-receiver';
import { matching, objectContaining } from '../test-support/matchers';
import { createTestCa, type KeyPair, type TestCa } from '../test-support/test-ca';
import type { ResolvedAddress } from './resolve-target';
import { MAX_ANSWER_BYTES } from './test-delivery';
import { createUrlChecker, type UrlCheckOptions } from './url-check';

const HOST = 'hooks.test';
const DELIVERY = sampleDelivery('avatar_video.success') as SampleDelivery;

let ca: TestCa;
let good: KeyPair;
beforeAll(() => {
  ca = createTestCa();
  good = ca.issue([HOST], { days: 90 });
});
afterAll(() => ca.remove());

function checker(options: UrlCheckOptions = {}) {
  const lookups: string[] = [];
  const check = createUrlChecker({
    allowLoopback: true,
    ca: [ca.caPem],
    lookup: (hostname): Promise<ResolvedAddress[]> => {
      lookups.push(hostname);
      return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    },
    ...options,
  });
  return {
    lookups,
    check: (url: string, delivery: SampleDelivery = DELIVERY) => check({ url, delivery }),
  };
}

const anyNumber = (): unknown => expect.any(Number);

const answerWith =
  (status: number, headers: Record<string, string> = {}): Answer =>
  (response) => {
    response.writeHead(status, headers);
    response.end('answer body that is never shown');
  };

describe('the URL check', () => {
  it('passes a good receiver: TLS 1.2 or newer, trusted, its name, and a 200 to one sample POST', async () => {
    const receiver = await startReceiver(good);
    const { check, lookups } = checker();

    const result = await check(`https://${HOST}:${receiver.port}/hooks/konpro?tenant=7`);

    expect(result).toEqual({
      ok: true,
      tls: {
        version: matching(/^TLS 1\.[23]$/),
        trusted: true,
        host_matches: true,
        valid_to: matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
      delivery: { status: 200, ms: anyNumber() },
      problem: null,
      warnings: [],
    });
    expect(result.delivery?.ms).toBeGreaterThanOrEqual(0);
    expect(lookups).toEqual([HOST]);
    expect(receiver.received).toHaveLength(1);
    const [post] = receiver.received;
    expect(post).toMatchObject({ method: 'POST', path: '/hooks/konpro?tenant=7' });
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers.host).toBe(`${HOST}:${receiver.port}`);
    expect(JSON.parse(post?.body ?? '')).toEqual({
      event_type: 'avatar_video.success',
      event_data: DELIVERY.event_data,
      test: true,
    });
  });

  it('sends the sample of the chosen event type', async () => {
    const receiver = await startReceiver(good);
    const delivery = sampleDelivery('batch.finished') as SampleDelivery;
    const result = await checker().check(`https://${HOST}:${receiver.port}/`, delivery);
    expect(result.ok).toBe(true);
    expect(JSON.parse(receiver.received[0]?.body ?? '')).toEqual({ ...delivery, test: true });
  });

  it('warns of a certificate that expires within 14 days, and passes it', async () => {
    const receiver = await startReceiver(ca.issue([HOST], { days: 9 }));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({ ok: true, problem: null });
    expect(result.warnings).toEqual(['the certificate expires in 9 days']);
  });

  it('fails a key too weak for SSL security level 2 (RSA 1024)', async () => {
    const receiver = await startReceiver(ca.issue([HOST], { key: 'rsa:1024' }));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: false, host_matches: true },
      delivery: null,
      problem: 'the certificate’s key is too weak for SSL security level 2',
    });
    expect(receiver.received).toEqual([]);
  });

  it('fails an expired certificate, and sends it nothing', async () => {
    const receiver = await startReceiver(ca.issue([HOST], { days: -1 }));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: false, host_matches: true },
      delivery: null,
      problem: 'the certificate has expired',
    });
    expect(Date.parse(result.tls?.valid_to ?? '')).toBeLessThan(Date.now());
    expect(receiver.received).toEqual([]);
  });

  it('fails a certificate for another host', async () => {
    const receiver = await startReceiver(ca.issue(['other.test']));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: true, host_matches: false },
      delivery: null,
      problem: 'the certificate is for another host',
    });
    expect(receiver.received).toEqual([]);
  });

  it('fails a self-signed certificate', async () => {
    const receiver = await startReceiver(ca.selfSigned([HOST]));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: false, host_matches: true },
      delivery: null,
      problem: 'the certificate is not trusted (self-signed)',
    });
    expect(receiver.received).toEqual([]);
  });

  it('fails a certificate from a CA the server does not trust', async () => {
    const receiver = await startReceiver(good);
    const result = await checker({ ca: undefined }).check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: false, host_matches: true },
      problem: 'the certificate is not trusted (its issuer is unknown)',
    });
    expect(receiver.received).toEqual([]);
  });

  it('fails a receiver that speaks only TLS 1.0, and names the version', async () => {
    const receiver = await startReceiver(good, undefined, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { version: 'TLS 1.0', trusted: true, host_matches: true },
      delivery: null,
      problem: 'TLS 1.0 is below TLS 1.2',
    });
    expect(receiver.received).toEqual([]);
  });

  it('fails a receiver that answers 500, with the status and the time', async () => {
    const receiver = await startReceiver(good, answerWith(500));
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: { trusted: true, host_matches: true },
      delivery: { status: 500, ms: anyNumber() },
      problem: 'it answered HTTP 500',
    });
    expect(JSON.stringify(result)).not.toContain('never shown');
    expect(receiver.received).toHaveLength(1);
  });

  it('fails a redirect and does not follow it', async () => {
    const elsewhere = await startReceiver(good);
    const receiver = await startReceiver(
      good,
      answerWith(302, { location: `https://${HOST}:${elsewhere.port}/` }),
    );
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({
      ok: false,
      delivery: { status: 302 },
      problem: 'it redirects to another address (HTTP 302): deliveries do not follow redirects',
    });
    expect(receiver.received).toHaveLength(1);
    expect(elsewhere.connections()).toBe(0);
  });

  it('gives up on a receiver that never answers after 5 s', { timeout: 15_000 }, async () => {
    const receiver = await startReceiver(good, () => undefined);
    const result = await checker().check(`https://${HOST}:${receiver.port}/`);
    expect(result).toEqual({
      ok: false,
      tls: objectContaining({ trusted: true, host_matches: true }),
      delivery: null,
      problem: 'it did not answer within 5 s',
      warnings: [],
    });
    expect(receiver.received).toHaveLength(1);
  });

  // Were the answer read to its end, the check would wait for its minute-long deadline and the
  // test would time out.
  it('reads at most 16 KB of an answer that never ends, and keeps none of it', async () => {
    let closedEarly = false;
    let written = 0;
    const receiver = await startReceiver(good, (response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1024, 'x');
      const more = () => {
        // Far beyond what any buffer between the two ends holds: only a reader that stops ends it.
        while (written < 1024 * 1024 * 1024) {
          written += chunk.byteLength;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      response.on('close', () => {
        closedEarly = !response.writableFinished;
      });
      more();
    });
    const result = await checker({ timeoutMs: 60_000 }).check(`https://${HOST}:${receiver.port}/`);
    expect(result).toMatchObject({ ok: true, delivery: { status: 200 } });
    expect(JSON.stringify(result)).not.toContain('xxxx');
    await expect.poll(() => closedEarly).toBe(true);
    expect(MAX_ANSWER_BYTES).toBe(16 * 1024);
  });

  it('refuses a name with a private address, without connecting to any of its addresses', async () => {
    const receiver = await startReceiver(good);
    const { check, lookups } = checker({
      lookup: (hostname) => {
        lookups.push(hostname);
        return Promise.resolve([
          { address: '127.0.0.1', family: 4 },
          { address: '10.0.0.1', family: 4 },
        ]);
      },
    });
    const result = await check(`https://${HOST}:${receiver.port}/`);
    expect(result).toEqual({
      ok: false,
      tls: null,
      delivery: null,
      problem: 'it resolves to a private address',
      warnings: [],
    });
    expect(receiver.connections()).toBe(0);
  });

  it.each([
    ['169.254.169.254', 'it resolves to a link-local address'],
    ['fd00::1', 'it resolves to a private address'],
    ['::ffff:10.0.0.1', 'it resolves to a private address'],
    ['0.0.0.0', 'it resolves to a private address'],
  ])('refuses a name that resolves to %s', async (address, problem) => {
    const { check } = checker({ lookup: () => Promise.resolve([{ address, family: 0 }]) });
    expect(await check(`https://${HOST}/`)).toMatchObject({ ok: false, tls: null, problem });
  });

  it('refuses a loopback receiver when KONPRO_CHECK_ALLOW_LOOPBACK is off', async () => {
    const receiver = await startReceiver(good);
    const { check } = checker({ allowLoopback: false });
    expect(await check(`https://${HOST}:${receiver.port}/`)).toMatchObject({
      ok: false,
      tls: null,
      problem: 'it resolves to a loopback address (this server itself)',
    });
    expect(await check(`https://127.0.0.1:${receiver.port}/`)).toMatchObject({
      ok: false,
      problem: 'it resolves to a loopback address (this server itself)',
    });
    expect(receiver.connections()).toBe(0);
  });

  it('judges a fully qualified name (with the root dot) as the name itself', async () => {
    const receiver = await startReceiver(good);
    const result = await checker().check(`https://${HOST}.:${receiver.port}/`);
    expect(result).toMatchObject({ ok: true, tls: { host_matches: true } });
  });

  it('checks an IP address without a lookup, against the certificate’s IP name', async () => {
    const receiver = await startReceiver(ca.issue(['127.0.0.1']));
    const { check, lookups } = checker();
    const result = await check(`https://127.0.0.1:${receiver.port}/`);
    expect(result).toMatchObject({ ok: true, tls: { host_matches: true } });
    expect(lookups).toEqual([]);
  });

  it('says when the name does not resolve', async () => {
    const { check } = checker({
      lookup: () =>
        Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
    });
    expect(await check(`https://${HOST}/`)).toEqual({
      ok: false,
      tls: null,
      delivery: null,
      problem: 'the name does not resolve',
      warnings: [],
    });
  });

  it('says when nothing listens on the port', async () => {
    const server = createHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const result = await checker().check(`https://${HOST}:${port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: null,
      problem: `nothing answers on port ${port}: the connection was refused`,
    });
  });

  it('says when the port answers plain HTTP', async () => {
    const server = createHttpServer((_request, response) => response.end('plain'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      server.closeAllConnections();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    const result = await checker().check(`https://${HOST}:${port}/`);
    expect(result).toMatchObject({
      ok: false,
      tls: null,
      problem: `it does not speak TLS on port ${port}`,
    });
  });
});
