// The answer of the server's `endpoint.history` route: what was changed through the server, by
// whom and when. Apart from schemas.ts on purpose: the list page's chunk carries that module whole
// (the list needs its endpoint schema), and only the history's own chunk needs this one.
import * as z from 'zod/mini';

/** What `endpoint.history` records: the writes and secret reveals that went through the server. */
export const historyActionSchema = z.enum([
  'endpoint.add',
  'endpoint.update',
  'endpoint.delete',
  'endpoint.secret',
]);
export type HistoryAction = z.infer<typeof historyActionSchema>;

/**
 * What one write changed: the URL from and to (from is null for an add), the event types added
 * and removed (`all` stands for "all events"), and whether the save found the endpoint changed
 * by someone else since the page had read it. A delete or a secret reveal changes nothing: `{}`.
 */
export const historyChangesSchema = z.object({
  url: z.optional(z.object({ from: z.nullable(z.string()), to: z.string() })),
  events_added: z.optional(z.array(z.string())),
  events_removed: z.optional(z.array(z.string())),
  changed_elsewhere: z.optional(z.boolean()),
});
export type HistoryChanges = z.infer<typeof historyChangesSchema>;

/** Stands for every event type in `events_added` and `events_removed`. */
export const ALL_EVENTS = 'all';

export const historyEntrySchema = z.object({
  /** ISO 8601. */
  at: z.string(),
  /** The admin's email or name, or `local` on a server without sign-in. */
  actor: z.string(),
  action: historyActionSchema,
  /** The id the write's answer carried in `x-request-id`. */
  request_id: z.string(),
  changes: historyChangesSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The entries, newest first: what the page reads once the client has unwrapped `{data: [...]}`. */
export const historyEntriesSchema = z.array(historyEntrySchema);

/** The most entries `endpoint.history` answers: the newest. */
export const HISTORY_LIMIT = 500;

/** `GET endpoint.history` answers `{"data": [...]}`, at most HISTORY_LIMIT entries, the newest. */
export const endpointHistoryAnswerSchema = z.object({ data: historyEntriesSchema });
