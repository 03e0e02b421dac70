import { describe, expect, it } from 'vitest';
import { signInApp } from '../test-support/sign-in-app';
import { createLogger, MAX_LOGGED_CHARS } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('the logger', () => {
  it('bounds every field, the message, nested values and keys alike', () => {
    const { logger, lines } = capture();
    const chosen = 'A'.repeat(65_000);
    logger.warn(`failed: ${chosen}`);
    logger.info({ msg: chosen, path: chosen, nested: { deeper: [chosen, { [chosen]: chosen }] } });
    logger.info({ many: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [i, chosen])) });
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length).toBeLessThan(MAX_LOGGED_CHARS * 40);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: `failed: ${'A'.repeat(MAX_LOGGED_CHARS - 8)}…`,
    });
  });

  it('keeps short fields as they are, and still redacts secrets', () => {
    const { logger, lines } = capture();
    logger.info({ msg: 'request', path: '/api/v1', status: 200, secret: 'whsec_1' });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'request',
      path: '/api/v1',
      status: 200,
      secret: '[redacted]',
    });
  });

  it('writes short lines for signed-out requests with 65 KB of chosen text', async () => {
    const { app, lines } = await signInApp();
    const chosen = 'B'.repeat(65_000);
    const host = { host: 'webhooks.example.com' };
    await app.request(`/${chosen}`, { headers: host });
    await app.request(`/api/${chosen}`, { headers: host });
    await app.request(`/auth/login?return_to=/${chosen}`, { headers: host });
    await app.request(`/auth/callback?state=${chosen}&error_description=${chosen}`, {
      headers: host,
    });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(2_048);
  });
});
