// A secret read hands out a credential, so each admin gets a handful a minute: enough to reveal
// or copy the secrets of a few endpoints, too few to harvest them all quickly with a stolen
// session. It counts the server's secret route and every update that changes nothing (Konpro's
// update answer carries the secret too), so the one cannot stand in for the other.
import { errorResponse } from '../http/error-response';
import { RateLimiter } from '../http/rate-limiter';

export const SECRET_READS_PER_MINUTE = 10;

/** Counts one secret read for `actor`; a 429 answer once over the limit, else null. */
export function secretReadLimit(perMinute = SECRET_READS_PER_MINUTE, now?: () => number) {
  const limiter = new RateLimiter(perMinute, now);
  return (actor: string): Response | null => {
    const decision = limiter.take(actor);
    if (decision.allowed) return null;
    const seconds = decision.retryAfterSeconds;
    return errorResponse(
      429,
      'RATE_LIMIT_EXCEEDED',
      `More than ${perMinute} secret reads a minute by one admin; retry in ${seconds} s`,
      { headers: { 'retry-after': String(seconds) } },
    );
  };
}
