import * as z from 'zod/mini';
import type { Endpoint } from '../../contract/schemas';
import { type WebhookUrlOptions, checkWebhookUrl } from '../../contract/webhook-url';
import { NO_EVENTS_MESSAGE } from './field-errors';

/**
 * The form's rules; `rule` is the page's URL rule (see url-rule.ts). Their messages are English,
 * the key the fields look up in the editor's language when they show one (field-errors.ts).
 */
export const endpointFormSchema = (rule: WebhookUrlOptions = {}) =>
  z
    .object({
      url: z.string().check(
        z.superRefine((url, ctx) => {
          const check = checkWebhookUrl(url, rule);
          if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason, input: url });
        }),
      ),
      eventsMode: z.enum(['all', 'selected']),
      events: z.array(z.string()),
    })
    .check(
      z.superRefine((values, ctx) => {
        // On the wire an empty list means "all events": never let an empty selection become that.
        if (values.eventsMode === 'selected' && values.events.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['events'],
            message: NO_EVENTS_MESSAGE,
            input: values,
          });
        }
      }),
    );

export type EndpointFormValues = z.infer<ReturnType<typeof endpointFormSchema>>;

export function toFormValues(endpoint: Endpoint): EndpointFormValues {
  return {
    url: endpoint.url,
    eventsMode: endpoint.events.length === 0 ? 'all' : 'selected',
    events: [...endpoint.events],
  };
}

/**
 * The events the form would subscribe to, or null for "All events" (an update sends it as `[]`,
 * an add as `null`: both mean all on the wire). "Selected events" with nothing ticked stays an
 * empty selection here, never "all".
 */
export function selectedEvents(values: EndpointFormValues): string[] | null {
  return values.eventsMode === 'all' ? null : [...new Set(values.events)];
}

export type EventChanges = {
  added: string[];
  removed: string[];
  /** Between "All events" and a selection, either way. */
  modeChanged: boolean;
  after: string[] | null;
};

/** `before` is the endpoint's list as the server holds it, where `[]` means all events. */
export function eventChanges(before: string[], values: EndpointFormValues): EventChanges {
  const after = selectedEvents(values);
  const modeChanged = (before.length === 0) !== (after === null);
  if (after === null || before.length === 0) return { added: [], removed: [], modeChanged, after };
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  return {
    added: after.filter((event) => !beforeSet.has(event)),
    removed: before.filter((event) => !afterSet.has(event)),
    modeChanged,
    after,
  };
}

/** Whether a save would send the URL: it differs from the endpoint's once both are normalised. */
export function urlChanged(endpoint: Endpoint, values: EndpointFormValues): boolean {
  return normalUrl(values.url) !== normalUrl(endpoint.url);
}

/** What is sent: the URL's normal form, or the input as typed when it is not a valid URL. */
export function normalUrl(input: string): string {
  const check = checkWebhookUrl(input);
  return check.ok ? check.url : input;
}
