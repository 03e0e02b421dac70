// The whole server in proxy mode, with a fake Konpro that records what it was sent. Requests go
// through every layer (hosts, cross-site rules, route table, forwarder) as they would over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../app';
import type { Upstream } from '../forwarder/forward-request';
import { createLogger } from '../log/logger';
import { parseSettings } from '../settings';
import { openFileStore } from '../store/file-store';

export const PROXY_KEY = 'server_side_key_0123456789';

export type Answer = (request: Request) => Response | Promise<Response>;

export function proxyApp(answer: Answer, env: Record<string, string> = {}) {
  const seen: Request[] = [];
  const upstream: Upstream = async (request) => {
    seen.push(request);
    return answer(request);
  };
  const parsed = parseSettings({
    KONPRO_API_BASE: 'https://api.konpro.test',
    KONPRO_API_KEY: PROXY_KEY,
    STATIC_DIR: '/nonexistent-static-dir',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const lines: string[] = [];
  const editorStore = openFileStore({ folder: mkdtempSync(join(tmpdir(), 'kwe-proxy-')) });
  const app: Hono = createApp(parsed.settings, {
    upstream,
    editorStore,
    log: (line) => lines.push(line),
    logger: createLogger('silent'),
  });
  return { app, seen, lines, editorStore };
}

export function jsonAnswer(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}
