import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createLogger } from '../log/logger';
import { parseSettings } from '../settings';
import { listening, rawRequest } from '../test-support/raw-http';
import { tempDir } from '../test-support/temp-dir';
import { requestPath } from './request-line';

async function loggedApp(env: Record<string, string> = {}) {
  const dir = await tempDir();
  const parsed = parseSettings({
    KONPRO_DATA_FILE: `${dir}/data.json`,
    STATIC_DIR: '/nonexistent-static-dir',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const warnings: string[] = [];
  const app = createApp(parsed.settings, { logger, log: (line) => warnings.push(line) });
  return { port: await listening(app), lines, warnings };
}

describe('Host names URL parsing refuses', () => {
  it.each(['xn--a', 'xn--a:4173', 'xn--', 'a.xn--zz'])(
    'Host %s answers 421 JSON, with a log line',
    async (host) => {
      const { port, lines, warnings } = await loggedApp();
      for (const path of ['/', '/api/v1/webhook/endpoint.list', '/v1/webhook/endpoint.list']) {
        const answer = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: ${host}`);
        expect(answer.status, path).toBe(421);
        expect(answer.headers['content-type']).toContain('application/json');
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'MISDIRECTED_REQUEST' } });
      }
      expect(lines).toHaveLength(3);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'request',
          path: '/api/v1/webhook/endpoint.list',
          status: 421,
        }),
      );
      expect(warnings).toEqual([]);
    },
  );

  it('is refused even when ALLOWED_HOSTS lists it', async () => {
    const { port } = await loggedApp({
      ALLOWED_HOSTS: 'localhost,xn--a',
      KONPRO_AUTH: 'none',
      KONPRO_API_KEY: 'konpro-key-of-this-team-0123',
    });
    const answer = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: xn--a');
    expect(answer.status).toBe(421);
  });
});

describe('requestPath', () => {
  it('cuts the path from a URL the parser refuses, encoded', () => {
    expect(requestPath('http://xn--a/api/v1/x?code=secret')).toBe('/api/v1/x');
    expect(requestPath('http://xn--a')).toBe('/');
    expect(requestPath('http://xn--a/a\nb')).toBe('/a%0Ab');
    expect(requestPath('http://localhost/ok%0a')).toBe('/ok%0a');
  });
});
