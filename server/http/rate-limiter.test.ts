import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit within any 60 s window, exactly, across ring growth', () => {
    let now = 0;
    const limiter = new RateLimiter(200, () => now);
    // 200 requests spread over the first 20 s (the ring grows 64 → 128 → 200 on the way).
    for (let i = 0; i < 200; i += 1) {
      now = i * 100;
      expect(limiter.take('k').allowed).toBe(true);
    }
    now = 59_999;
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // The first request (t = 0) leaves the window at t = 60 000; the second at 60 100.
    now = 60_000;
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
    now = 60_100;
    expect(limiter.take('k').allowed).toBe(true);
  });

  it('says how long until the oldest request leaves the window', () => {
    let now = 1_000;
    const limiter = new RateLimiter(2, () => now);
    limiter.take('k');
    now = 31_000;
    limiter.take('k');
    now = 40_500;
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 21 });
  });

  it('does not count refused requests, and keeps keys apart', () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    for (let i = 0; i < 100; i += 1) expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    now = 60_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('matches a plain list of timestamps on a random workload', () => {
    let now = 0;
    const limit = 7;
    const limiter = new RateLimiter(limit, () => now);
    const accepted: number[] = [];
    let seed = 42;
    for (let i = 0; i < 5_000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      now += seed % 20_000;
      const inWindow = accepted.filter((time) => time > now - 60_000).length;
      const expected = inWindow < limit;
      expect(limiter.take('k').allowed).toBe(expected);
      if (expected) accepted.push(now);
    }
  });
});
