// `POST endpoint.check`: the request is judged as the page judges a URL (contract/webhook-url.ts)
// and must name an event type with a sample; then the check runs, at most CHECKS_PER_MINUTE times
// a minute per admin, since each one makes this server open a connection to an address an admin
// chose. The answer is the check's own, never the receiver's.
import { sampleDelivery } from '../../contract/event-samples';
import { type UrlCheckAnswer, urlCheckRequestSchema } from '../../contract/url-check';
import { checkWebhookUrl } from '../../contract/webhook-url';
import { errorResponse } from '../http/error-response';
import { RateLimiter } from '../http/rate-limiter';
import type { UrlChecker } from './url-check';

export const CHECKS_PER_MINUTE = 10;

export interface CheckRouteOptions {
  checker: UrlChecker;
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1: the URL rule admits loopback hosts, as the check does. */
  allowLoopback: boolean;
  perMinute?: number;
  /** The rate limiter's clock, in ms. */
  now?: () => number;
}

/** Answers one check for `actor`, from the request's raw JSON body. */
export type CheckRoute = (body: Uint8Array | undefined, actor: string) => Promise<Response>;

export function checkRoute(options: CheckRouteOptions): CheckRoute {
  const perMinute = options.perMinute ?? CHECKS_PER_MINUTE;
  const limiter = new RateLimiter(perMinute, options.now);
  return async (body, actor) => {
    const request = readRequest(body, options.allowLoopback);
    if (!request.ok) return request.response;
    const decision = limiter.take(actor);
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      return errorResponse(
        429,
        'RATE_LIMIT_EXCEEDED',
        `More than ${perMinute} URL checks a minute by one admin; retry in ${seconds} s`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
    const answer: UrlCheckAnswer = await options.checker(request.value);
    return Response.json(answer, { headers: { 'cache-control': 'no-store' } });
  };
}

type Read = { ok: true; value: Parameters<UrlChecker>[0] } | { ok: false; response: Response };

function readRequest(body: Uint8Array | undefined, allowLoopback: boolean): Read {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body ?? new Uint8Array()));
  } catch {
    return invalid('body', 'Send { "url": "https://...", "event_type": "..." } as JSON');
  }
  const parsed = urlCheckRequestSchema.safeParse(json);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'body');
    const given = (json as Record<string, unknown> | null)?.[field];
    return field === 'body'
      ? invalid('body', 'Send { "url": "https://...", "event_type": "..." } as JSON')
      : invalid(field, given === undefined ? `${field} is required` : `${field} must be a string`);
  }
  const url = checkWebhookUrl(parsed.data.url, { allowLoopback });
  if (!url.ok) return invalid('url', url.reason);
  const delivery = sampleDelivery(parsed.data.event_type);
  if (delivery === undefined) {
    return invalid(
      'event_type',
      `${JSON.stringify(parsed.data.event_type)} is not an event type with a sample delivery`,
    );
  }
  return { ok: true, value: { url: url.url, delivery } };
}

function invalid(field: string, reason: string): Read {
  return {
    ok: false,
    response: errorResponse(400, 'VALIDATION_ERROR', reason, { details: { field, reason } }),
  };
}
