// Unsaved edits live in sessionStorage per endpoint, so a reload or a crash of the tab loses
// nothing. Only what the form holds is kept: URL and events, never the secret.
import * as z from 'zod/mini';
import type { Endpoint } from '../../api/schemas';
import type { EndpointFormValues } from './form-values';

export const formValuesSchema = z.object({
  url: z.string(),
  eventsMode: z.enum(['all', 'selected']),
  events: z.array(z.string()),
});

const draftSchema = z.object({
  /** The server's values the draft was made from: restoring over other values needs consent. */
  base: formValuesSchema,
  values: formValuesSchema,
  savedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;

const keyFor = (endpointId: string) => `konpro-webhook-editor:draft:${endpointId}`;

export function readDraft(endpointId: string): Draft | null {
  return readStored(keyFor(endpointId), draftSchema);
}

export function writeDraft(
  endpointId: string,
  base: EndpointFormValues,
  values: EndpointFormValues,
) {
  const draft: Draft = { base, values, savedAt: Date.now() };
  writeStored(keyFor(endpointId), draft);
}

export function clearDraft(endpointId: string) {
  writeStored(keyFor(endpointId), null);
}

/** A value this tab stored under `key`, or null when there is none or it is not of `schema`. */
export function readStored<T>(key: string, schema: z.ZodMiniType<T>): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // storage disabled, or not JSON
  }
}

/** Stores `value` under `key` for this tab; null removes it. */
export function writeStored(key: string, value: unknown) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the edit still lives in the form.
  }
}

export function sameValues(a: EndpointFormValues, b: EndpointFormValues): boolean {
  const events = (values: EndpointFormValues) =>
    values.eventsMode === 'all' ? '*' : [...new Set(values.events)].sort().join(',');
  return a.url === b.url && a.eventsMode === b.eventsMode && events(a) === events(b);
}

/** Whether this tab holds edits of the endpoint that differ from what the server has. */
export function hasUnsavedDraft(endpoint: Endpoint): boolean {
  const draft = readDraft(endpoint.endpoint_id);
  if (draft === null) return false;
  const { url, events } = endpoint;
  return !sameValues(draft.values, { url, events, eventsMode: events.length ? 'selected' : 'all' });
}
