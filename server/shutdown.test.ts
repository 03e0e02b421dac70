import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DrainResult } from './http/drain';
import { createLogger } from './log/logger';
import { DRAIN_LIMIT_MS, stopOnSignals } from './shutdown';

/** A process that only records its exits, and a drain the test finishes. */
function world(options: { beforeExit?: () => Promise<void> } = {}) {
  const host = new EventEmitter();
  const exits: number[] = [];
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const limits: number[] = [];
  let finish: (result: DrainResult) => void = () => undefined;
  const drain = {
    inFlight: 2,
    drain: (limitMs: number) => {
      limits.push(limitMs);
      return new Promise<DrainResult>((resolve) => (finish = resolve));
    },
  };
  const order: string[] = [];
  stopOnSignals({
    drain,
    logger,
    beforeExit: async () => {
      order.push('beforeExit');
      await options.beforeExit?.();
    },
    host: {
      on: (signal, listener) => host.on(signal, listener),
      exit: (code) => {
        order.push(`exit ${code}`);
        exits.push(code);
      },
    },
  });
  const signal = (name: NodeJS.Signals) => host.emit(name, name);
  const finished = async (result: DrainResult) => {
    finish(result);
    for (let i = 0; i < 50 && exits.length === 0; i += 1) await Promise.resolve();
  };
  return { signal, finished, exits, lines, limits, order };
}

describe('stopOnSignals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s drains for 10 s, lets the store write, logs two lines and exits 0',
    async (name) => {
      const { signal, finished, exits, lines, limits, order } = world();
      signal(name);
      expect(limits).toEqual([DRAIN_LIMIT_MS]);
      expect(DRAIN_LIMIT_MS).toBe(10_000);
      expect(lines).toEqual([
        expect.objectContaining({ msg: 'draining', signal: name, in_flight: 2, limit_ms: 10_000 }),
      ]);
      expect(exits).toEqual([]);
      await finished({ inFlightAtStart: 2, cut: 1 });
      expect(order).toEqual(['beforeExit', 'exit 0']);
      expect(lines[1]).toMatchObject({ msg: 'stopped', in_flight: 1 });
      expect(lines).toHaveLength(2);
    },
  );

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('a second %s during the drain exits at once with %i', async (name, code) => {
    const { signal, finished, exits, lines, limits } = world();
    signal('SIGTERM');
    signal(name);
    expect(exits).toEqual([code]);
    expect(lines[1]).toMatchObject({ msg: 'stopped at once', signal: name, in_flight: 2 });
    expect(limits).toHaveLength(1);
    await finished({ inFlightAtStart: 2, cut: 0 });
  });

  it('still exits 0 when the last write failed, saying so', async () => {
    const { signal, finished, exits, lines } = world({
      beforeExit: () => Promise.reject(new Error('disk full')),
    });
    signal('SIGTERM');
    await finished({ inFlightAtStart: 0, cut: 0 });
    expect(exits).toEqual([0]);
    expect(lines.map((line) => line.msg)).toEqual(['draining', 'last write failed', 'stopped']);
  });
});
