// Konpro limits requests per API key per minute (Scale plan: 300). A sliding window of timestamps
// is exact where a fixed window would allow twice the limit across a window boundary.
const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`, unless it is over the limit. */
  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((time) => time > now - WINDOW_MS);
    this.hits.set(key, recent);
    const oldest = recent[0];
    if (recent.length >= this.perMinute && oldest !== undefined) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)),
      };
    }
    recent.push(now);
    return { allowed: true };
  }
}
