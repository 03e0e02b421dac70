// A fresh emulator on a temp data file, with two users, and a `call` helper shaped like curl.
import { EndpointStore } from '../emulator/endpoint-store';
import { createEmulator } from '../emulator/emulator-app';
import type { UrlCheck } from '../emulator/url-reachability';
import { tempDataFile } from './temp-dir';
import { anyString, matching } from './matchers';

export const DEMO_KEY = 'demo_key_for_tests';
export const OTHER_KEY = 'other_key_for_tests';
export const USERS = new Map([
  [DEMO_KEY, 'demo'],
  [OTHER_KEY, 'other'],
]);

export interface CallOptions {
  /** `null` sends no key at all. */
  key?: string | null;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HarnessOptions {
  rateLimitPerMinute?: number;
  checkUrl?: UrlCheck;
  allowLoopback?: boolean;
  now?: () => number;
  file?: string;
  envelope?: 'konpro' | 'heygen';
}

export async function emulatorHarness(options: HarnessOptions = {}) {
  const file = options.file ?? (await tempDataFile());
  const store = EndpointStore.open(file);
  await store.flushed();
  const app = createEmulator({
    store,
    users: USERS,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    checkUrl: options.checkUrl,
    allowLoopback: options.allowLoopback,
    now: options.now,
    log: () => undefined,
    envelope: options.envelope,
  });

  const call = async (method: string, route: string, callOptions: CallOptions = {}) => {
    const { key = DEMO_KEY, body, headers = {} } = callOptions;
    const init: RequestInit = { method, headers: { ...headers } };
    const sent = init.headers as Record<string, string>;
    if (key !== null) sent['x-api-key'] = key;
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      sent['content-type'] ??= 'application/json';
    }
    const response = await app.request(`/v1/webhook/${route}`, init);
    const text = await response.text();
    return { response, status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };

  return { app, store, file, call };
}

/** The documented error body, for `toMatchObject`. */
export function apiError(code: string, details?: { field: string; reason?: unknown }) {
  return {
    error: { code, message: anyString(), ...(details ? { details } : {}) },
    request_id: matching(/^req_/),
  };
}
