import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { parseSettings } from '../settings';
import { requestLine } from './request-line';

describe('requestLine', () => {
  it('keeps a path percent-encoded, so it cannot forge a log line', () => {
    const line = requestLine('GET', 'http://localhost/api/x%0a2026-01-01%20admin%20logged%20in');
    expect(line).toBe('GET /api/x%0a2026-01-01%20admin%20logged%20in');
    expect(line).not.toMatch(/[\r\n]/);
  });

  it('is what the server logs when a request fails', async () => {
    const parsed = parseSettings({
      KONPRO_API_BASE: 'https://api.konpro.test',
      KONPRO_API_KEY: 'server_side_key_0123456789',
      STATIC_DIR: '/nonexistent-static-dir',
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const lines: string[] = [];
    const app = createApp(parsed.settings, {
      log: (line) => lines.push(line),
      upstream: () => Promise.resolve(new Response('{}')),
    });
    // A failure below the routes: the body stream errors while the size limit reads it.
    const body = new ReadableStream({
      pull: (controller) => controller.error(new Error('socket reset')),
    });
    const response = await app.request('/api/v1/webhook/endpoint.add%0aFORGED', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(500);
    expect(lines.join('|')).toContain('POST /api/v1/webhook/endpoint.add%0aFORGED failed');
    expect(lines.join('|')).not.toContain('\n');
  });
});
