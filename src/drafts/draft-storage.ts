// Unsaved edits live in sessionStorage per endpoint, so a reload or a crash of the tab loses
// nothing. Only what the form holds is kept: URL and events, never the secret. Each draft names
// the account that typed it (see draft-owner.ts): a draft is only ever read back by that account.
import * as z from 'zod/mini';
import type { Endpoint } from '../../contract/schemas';
import type { EndpointFormValues } from '../endpoint-form/form-values';

export const formValuesSchema = z.object({
  url: z.string(),
  eventsMode: z.enum(['all', 'selected']),
  events: z.array(z.string()),
});

const draftSchema = z.object({
  /** Who typed it: a signed-in account, or the local owner without sign-in. */
  owner: z.string(),
  /** The server's values the draft was made from: restoring over other values needs consent. */
  base: formValuesSchema,
  values: formValuesSchema,
  savedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;

const DRAFT_PREFIX = 'konpro-webhook-editor:draft:';
/** The add form's values (new-endpoint-draft.ts), kept and owned like an endpoint's draft. */
export const NEW_ENDPOINT_KEY = 'konpro-webhook-editor:new-endpoint';

const keyFor = (endpointId: string) => `${DRAFT_PREFIX}${endpointId}`;

/** The draft `owner` made of the endpoint; null when there is none, or another account's. */
export function readDraft(owner: string | null, endpointId: string): Draft | null {
  const draft = readStored(keyFor(endpointId), draftSchema);
  return draft !== null && owner !== null && draft.owner === owner ? draft : null;
}

export function writeDraft(
  owner: string | null,
  endpointId: string,
  base: EndpointFormValues,
  values: EndpointFormValues,
) {
  if (owner === null) return;
  const draft: Draft = { owner, base, values, savedAt: Date.now() };
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

// Set once signing out has dropped the drafts: a form still on screen until the page is gone
// (a list refresh moves its merge base) must not write one back.
let closed = false;

/** Stores `value` under `key` for this tab; null removes it. */
export function writeStored(key: string, value: unknown) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else if (!closed) sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the edit still lives in the form.
  }
}

const ownerOnly = z.object({ owner: z.string() });

/** The keys of every draft this tab holds, with whose each is (null: unreadable, or no owner). */
function storedDrafts(): { key: string; owner: string | null }[] {
  const found: { key: string; owner: string | null }[] = [];
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key === null || !(key.startsWith(DRAFT_PREFIX) || key === NEW_ENDPOINT_KEY)) continue;
      found.push({ key, owner: readStored(key, ownerOnly)?.owner ?? null });
    }
  } catch {
    // Storage disabled: there are no drafts.
  }
  return found;
}

/**
 * The tab now belongs to `owner`: every draft of anyone else (and any draft that names nobody,
 * as drafts stored before they named their owner) is removed, so no other admin's typing stays
 * in the tab of the one signed in now.
 */
export function keepOnlyDraftsOf(owner: string) {
  for (const draft of storedDrafts()) if (draft.owner !== owner) writeStored(draft.key, null);
}

/** Whether the tab holds unsaved edits of `owner` (on screen or not): signing out drops them. */
export function hasDraftsOf(owner: string | null): boolean {
  return owner !== null && storedDrafts().some((draft) => draft.owner === owner);
}

/** Signing out: every draft of the tab is removed, and none is written again by this page. */
export function dropAllDrafts() {
  for (const draft of storedDrafts()) writeStored(draft.key, null);
  closed = true;
}

export function sameValues(a: EndpointFormValues, b: EndpointFormValues): boolean {
  const events = (values: EndpointFormValues) =>
    values.eventsMode === 'all' ? '*' : [...new Set(values.events)].sort().join(',');
  return a.url === b.url && a.eventsMode === b.eventsMode && events(a) === events(b);
}

/** Whether this tab holds edits of `owner` to the endpoint that differ from what the server has. */
export function hasUnsavedDraft(owner: string | null, endpoint: Endpoint): boolean {
  const draft = readDraft(owner, endpoint.endpoint_id);
  if (draft === null) return false;
  const { url, events } = endpoint;
  return !sameValues(draft.values, { url, events, eventsMode: events.length ? 'selected' : 'all' });
}
