// Konpro limits requests per API key per minute (Scale plan: 300). A sliding window is exact where
// a fixed window would allow twice the limit across a window boundary. Each key keeps the times of
// its last `perMinute` requests in a ring: the oldest of them decides, so a request costs O(1)
// however busy the key is. The emulator limits API keys with it, the forwarder secret reads per
// admin.
const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Ring {
  times: Float64Array;
  /** Index of the oldest entry, which the next accepted request overwrites. */
  next: number;
  count: number;
}

export class RateLimiter {
  private readonly rings = new Map<string, Ring>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`, unless it is over the limit. */
  take(key: string): RateDecision {
    const now = this.now();
    let ring = this.rings.get(key);
    if (!ring) {
      // Grows to the limit only for keys that use it; a quiet key keeps a small ring.
      ring = { times: new Float64Array(Math.min(this.perMinute, 64)), next: 0, count: 0 };
      this.rings.set(key, ring);
    }
    if (ring.count === this.perMinute) {
      const oldest = ring.times[ring.next] ?? 0;
      if (oldest > now - WINDOW_MS) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)),
        };
      }
    } else if (ring.count === ring.times.length) {
      ring = grow(ring, this.perMinute);
      this.rings.set(key, ring);
    }
    ring.times[ring.next] = now;
    ring.next = (ring.next + 1) % ring.times.length;
    ring.count = Math.min(ring.count + 1, this.perMinute);
    return { allowed: true };
  }
}

/** Doubles a full ring (up to the limit), oldest entry first. */
function grow(ring: Ring, limit: number): Ring {
  const times = new Float64Array(Math.min(limit, ring.times.length * 2));
  const { length } = ring.times;
  for (let i = 0; i < length; i += 1) times[i] = ring.times[(ring.next + i) % length] ?? 0;
  return { times, next: length, count: ring.count };
}
