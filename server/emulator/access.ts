// Who is calling: the x-api-key header names a user, and each key has its own rate limit. Only
// known keys are counted, so random keys cannot grow the limiter's memory.
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../http/error-response';
import { RateLimiter } from '../http/rate-limiter';

export interface AccessVariables {
  requestId: string;
  username: string;
}

export function requireApiKey(
  users: ReadonlyMap<string, string>,
  perMinute: number,
  now?: () => number,
): MiddlewareHandler<{ Variables: AccessVariables }> {
  const limiter = new RateLimiter(perMinute, now);
  return async (c, next) => {
    const requestId = c.get('requestId');
    const key = c.req.header('x-api-key')?.trim() ?? '';
    if (key === '') {
      return errorResponse(401, 'MISSING_API_KEY', 'Send your API key in the x-api-key header', {
        requestId,
      });
    }
    const username = users.get(key);
    if (username === undefined) {
      return errorResponse(401, 'INVALID_API_KEY', 'The API key is not valid', { requestId });
    }
    const decision = limiter.take(key);
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      return errorResponse(
        429,
        'RATE_LIMIT_EXCEEDED',
        `More than ${perMinute} requests a minute with this API key; retry in ${seconds} s`,
        { requestId, headers: { 'retry-after': String(seconds) } },
      );
    }
    c.set('username', username);
    await next();
  };
}
