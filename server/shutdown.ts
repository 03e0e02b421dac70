// What SIGTERM (an orchestrator replacing this copy) and SIGINT (Ctrl-C) do: drain the server
// (server/http/drain.ts) for at most DRAIN_LIMIT_MS, let the stores write what they hold, exit 0.
// A second signal during the drain exits at once, with 128 + the signal's number (143 for
// SIGTERM, 130 for SIGINT), as a shell reports a process a signal ended.
import { constants } from 'node:os';
import type { DrainResult } from './http/drain';
import type { Logger } from './log/logger';

/**
 * How long requests in flight get to finish after SIGTERM. As long as the default
 * KONPRO_UPSTREAM_TIMEOUT_MS, so a save that was waiting on Konpro gets Konpro's answer (or this
 * server's 504) rather than a cut connection; and well inside the 30 s an orchestrator waits by
 * default before SIGKILL (Kubernetes' terminationGracePeriodSeconds).
 */
export const DRAIN_LIMIT_MS = 10_000;

export interface Drainable {
  readonly inFlight: number;
  drain(limitMs: number): Promise<DrainResult>;
}

export interface StopOptions {
  drain: Drainable;
  logger: Logger;
  /** Runs once the drain is over, before the exit: a store writes what it holds. */
  beforeExit?: () => Promise<void> | void;
  /** The process's signals and exit, for tests. */
  host?: {
    on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
    exit(code: number): void;
  };
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function stopOnSignals({ drain, logger, beforeExit, host = process }: StopOptions): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    const started = performance.now();
    logger.info({ msg: 'draining', signal, in_flight: drain.inFlight, limit_ms: DRAIN_LIMIT_MS });
    const { cut } = await drain.drain(DRAIN_LIMIT_MS);
    try {
      await beforeExit?.();
    } catch (error) {
      // A failed write was already answered as one; there is nothing left to save.
      logger.warn({
        msg: 'last write failed',
        error: error instanceof Error ? error.message : String(error),
      });
    }
    logger.info({ msg: 'stopped', in_flight: cut, ms: Math.round(performance.now() - started) });
    host.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ msg: 'stopped at once', signal, in_flight: drain.inFlight });
      host.exit(128 + constants.signals[signal]);
      return;
    }
    stopping = true;
    stop(signal).catch((error: unknown) => {
      logger.error({ msg: 'drain failed', error: String(error) });
      host.exit(1);
    });
  };
  for (const signal of SIGNALS) host.on(signal, onSignal);
}
