// Probes for load balancers and orchestrators. They answer before every other layer: a load
// balancer asks by IP address (so any Host), signs nobody in, and asks every few seconds (so no
// request log line). They say one word and nothing about the server, its data or its settings.
import { Hono } from 'hono';
import type { Logger } from '../log/logger';
import { errorResponse } from './error-response';

/** One thing the server needs before it can serve: resolves true when that thing is usable. */
export interface ReadinessCheck {
  /** Named in the log line when readiness changes, never in an answer. */
  name: string;
  check: () => boolean | Promise<boolean>;
}

/**
 * A check that has not answered by then counts as failed: the probe must answer before the load
 * balancer's own probe timeout (often 2 to 5 s), or it reads a stalled store as a dead process.
 */
export const CHECK_TIMEOUT_MS = 2_000;

export interface ProbeOptions {
  logger: Logger;
  timeoutMs?: number;
}

function status(code: 200 | 503, word: 'ok' | 'unavailable'): Response {
  return new Response(JSON.stringify({ status: word }), {
    status: code,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

async function failureOf(readiness: ReadinessCheck, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  // Never rejects: a check that throws after its time is up must not crash the process.
  const usable = Promise.resolve()
    .then(() => readiness.check())
    .then(
      (ok) => (ok ? null : 'not usable'),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  const reason = await Promise.race([usable, late]);
  clearTimeout(timer);
  return reason === null ? null : `${readiness.name}: ${reason}`;
}

/**
 * `GET /healthz`: 200 while the process runs. `GET /readyz`: 200 when every check passes, 503
 * otherwise. `checks` is read at each probe, so a store opened later can add its own.
 */
export function probeRoutes(checks: readonly ReadinessCheck[], options: ProbeOptions): Hono {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  // Probes that arrive together (several load balancers) share one run of the checks.
  let running: Promise<string[]> | null = null;
  // One log line when readiness changes, not one per probe.
  let lastFailures: string[] = [];

  const failures = () => {
    running ??= Promise.all(checks.map((check) => failureOf(check, timeoutMs)))
      .then((reasons) => reasons.filter((reason) => reason !== null))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const noteChange = (now: string[]) => {
    if (now.join('\n') === lastFailures.join('\n')) return;
    if (now.length > 0) options.logger.warn({ msg: 'not ready', failed: now });
    else options.logger.info({ msg: 'ready again' });
    lastFailures = now;
  };

  const routes = new Hono();
  // HEAD is answered by the GET routes, without a body.
  routes.get('/healthz', () => status(200, 'ok'));
  routes.get('/readyz', async () => {
    const now = await failures();
    noteChange(now);
    return now.length === 0 ? status(200, 'ok') : status(503, 'unavailable');
  });
  routes.all('/healthz', notAllowed);
  routes.all('/readyz', notAllowed);
  return routes;
}

function notAllowed(): Response {
  return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Probes answer GET and HEAD', {
    headers: { allow: 'GET, HEAD' },
  });
}
