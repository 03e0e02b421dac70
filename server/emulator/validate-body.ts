// Turns a request body into a validated change, or the first problem as `{field, reason}` for the
// documented VALIDATION_ERROR details. Shapes come from the client's wire schemas and the URL rule
// from the client's own check, so the form and the emulator can never disagree; on top of it, an
// address typed as such is held to the server's full list of special-purpose ranges, which the
// page's own list only approximates.
import { isIP } from 'node:net';
import type { $ZodError } from 'zod/v4/core';
import { endpointAddSchema, endpointUpdateSchema } from '../../contract/schemas';
import { UNREACHABLE_HOST, checkWebhookUrl } from '../../contract/webhook-url';
import { isLoopbackAddress, isPublicAddress } from '../net/special-addresses';
import { isKnownEvent } from './event-catalog';
import type { EndpointChanges } from './endpoint-store';
import { uniqueEvents } from './stored-endpoint';

export type Validated<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

export interface UrlRule {
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1: loopback https URLs are admitted, as the page admits them. */
  allowLoopback?: boolean;
}

const WRONG_TYPE: Record<string, string> = {
  endpoint_id: 'endpoint_id must be a string',
  url: 'url must be a string',
  events: 'events must be an array of event types, or [] / null for all events',
  entity_id: 'entity_id must be a string',
};

export function validateUpdate(
  body: Record<string, unknown>,
  rule: UrlRule = {},
): Validated<{ endpointId: string; changes: EndpointChanges }> {
  const parsed = endpointUpdateSchema.safeParse(body);
  if (!parsed.success) return shapeProblem(parsed.error, body);
  const { endpoint_id, url, events } = parsed.data;
  const changes: EndpointChanges = {};
  if (url !== undefined) {
    const checked = checkUrl(url, rule);
    if (!checked.ok) return checked;
    changes.url = checked.value;
  }
  if (events !== undefined) {
    const checked = checkEvents(events);
    if (!checked.ok) return checked;
    changes.events = checked.value;
  }
  return { ok: true, value: { endpointId: endpoint_id, changes } };
}

export function validateAdd(
  body: Record<string, unknown>,
  rule: UrlRule = {},
): Validated<{ url: string; events: string[]; entityId: string | undefined }> {
  const parsed = endpointAddSchema.safeParse(body);
  if (!parsed.success) return shapeProblem(parsed.error, body);
  const url = checkUrl(parsed.data.url, rule);
  if (!url.ok) return url;
  const events = checkEvents(parsed.data.events);
  if (!events.ok) return events;
  return {
    ok: true,
    value: { url: url.value, events: events.value, entityId: parsed.data.entity_id },
  };
}

function checkUrl(raw: string, { allowLoopback = false }: UrlRule): Validated<string> {
  const check = checkWebhookUrl(raw, { allowLoopback });
  if (!check.ok) return { ok: false, field: 'url', reason: check.reason };
  const address = check.host.replace(/^\[|\]$/g, '');
  const admitted = isPublicAddress(address) || (allowLoopback && isLoopbackAddress(address));
  if (isIP(address) !== 0 && !admitted) {
    return { ok: false, field: 'url', reason: UNREACHABLE_HOST };
  }
  return { ok: true, value: check.url };
}

/** `null` and `[]` both mean all events and are stored as `[]`; duplicates are dropped. */
function checkEvents(events: string[] | null | undefined): Validated<string[]> {
  const unknown = (events ?? []).find((event) => !isKnownEvent(event));
  if (unknown !== undefined) {
    return {
      ok: false,
      field: 'events',
      reason: `${JSON.stringify(unknown)} is not an event type (GET webhook.list lists them)`,
    };
  }
  return { ok: true, value: uniqueEvents(events ?? []) };
}

function shapeProblem(error: $ZodError, body: Record<string, unknown>): Validated<never> {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'body');
  if (body[field] === undefined) return { ok: false, field, reason: `${field} is required` };
  if (issue?.code === 'too_small')
    return { ok: false, field, reason: `${field} must not be empty` };
  return { ok: false, field, reason: WRONG_TYPE[field] ?? `${field} is invalid` };
}
