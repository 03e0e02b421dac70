// Two copies of the server behind one load balancer, sharing one PostgreSQL, in front of a Konpro
// that is slow on purpose: writes to one endpoint based on the same version race through both
// copies, and exactly one wins each round; the others get 412, as through one copy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { endpointVersion } from '../contract/endpoint-version';
import { createApp } from './app';
import { createLogger } from './log/logger';
import { parseSettings } from './settings';
import { freshDatabase } from './test-support/fresh-database';
import { openPostgresStore } from './store/postgres-store';

const KEY = 'server_side_key_0123456789';
const WRITE_MS = 150;

/** A Konpro with one endpoint whose writes take WRITE_MS, and no version check of its own. */
async function slowKonpro() {
  let endpoint = {
    endpoint_id: 'ep_1',
    url: 'https://start.example/h',
    secret: 'whsec_1',
    status: 'enabled',
    events: ['avatar_video.success'],
  };
  let writes = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const answer = (value: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.method === 'GET') return answer({ data: [endpoint] });
      writes += 1;
      // Read, wait, write: two overlapping writes would each clobber the other.
      const next = { ...endpoint, ...(JSON.parse(body) as object) };
      setTimeout(() => {
        endpoint = next;
        answer(endpoint);
      }, WRITE_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return {
    port: (server.address() as AddressInfo).port,
    current: () => endpoint,
    writes: () => writes,
  };
}

async function copyOfServer(upstreamPort: number, databaseUrl: string) {
  const parsed = parseSettings({
    KONPRO_API_BASE: `http://127.0.0.1:${upstreamPort}`,
    KONPRO_API_KEY: KEY,
    STATIC_DIR: '/nonexistent-static-dir',
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const editorStore = await openPostgresStore({ url: databaseUrl, max: 4 });
  onTestFinished(() => editorStore.close());
  return createApp(parsed.settings, {
    editorStore,
    log: () => undefined,
    logger: createLogger('silent'),
  });
}

describe('two copies sharing one PostgreSQL', () => {
  it(
    'let exactly one of the writes based on the same version win, round after round',
    { timeout: 30_000 },
    async () => {
      const konpro = await slowKonpro();
      const databaseUrl = await freshDatabase();
      const first = await copyOfServer(konpro.port, databaseUrl);
      const second = await copyOfServer(konpro.port, databaseUrl);
      const ROUNDS = 5;
      const WRITERS = 4;
      for (let round = 0; round < ROUNDS; round += 1) {
        const version = endpointVersion(konpro.current());
        const answers = await Promise.all(
          Array.from({ length: WRITERS }, async (_, writer) =>
            (writer % 2 === 0 ? first : second).request('/api/v1/webhook/endpoint.update', {
              method: 'PATCH',
              headers: { 'content-type': 'application/json', 'if-match': version },
              body: JSON.stringify({
                endpoint_id: 'ep_1',
                url: `https://r${round}-w${writer}.example/h`,
              }),
            }),
          ),
        );
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses, `round ${round}`).toEqual([200, 412, 412, 412]);
        const winner = answers.findIndex((answer) => answer.status === 200);
        expect(konpro.current().url).toBe(`https://r${round}-w${winner}.example/h`);
      }
      expect(konpro.writes()).toBe(ROUNDS);
      // Both copies read the same history.
      const history = (await (
        await second.request('/api/v1/webhook/endpoint.history?endpoint_id=ep_1')
      ).json()) as { data: { changes: object }[] };
      expect(history.data.filter((entry) => 'url' in entry.changes)).toHaveLength(ROUNDS);
      expect(history.data.filter((entry) => 'changed_elsewhere' in entry.changes)).toHaveLength(
        ROUNDS * (WRITERS - 1),
      );
    },
  );
});
