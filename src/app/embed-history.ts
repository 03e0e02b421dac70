// `history: 'push'`: the portal lets the editor give each move (the list to an endpoint or to the
// add form) an entry in the page's history, at the same address, so the browser's Back returns to
// the list inside the portal instead of leaving it. The entry carries the portal's own state
// (a router's keys stay) plus the view, under one key; entries without that key are the portal's
// and are left to it. One editor per page should push: two would share the key.
// Back over unsaved edits moves like the in-app link would after "Leave": the edits stay in the
// endpoint's draft (drafts/draft-storage.ts), which Forward or a new visit offers again.
import { type View, endpointView, LIST_VIEW, ADD_VIEW } from './view';

const KEY = 'konproWebhookEditor';

export type EmbedHistory = {
  /** The editor moved to `view`: a new entry, or this entry rewritten when `replace`. */
  moved(view: View, replace: boolean): void;
  stop(): void;
};

function stateWith(view: View): Record<string, unknown> {
  const current: unknown = window.history.state;
  const portal = typeof current === 'object' && current !== null ? current : {};
  return { ...portal, [KEY]: view };
}

/** The editor's view kept in a history entry's state, or null for an entry of the portal's. */
export function viewOfState(state: unknown): View | null {
  if (typeof state !== 'object' || state === null || !(KEY in state)) return null;
  const saved: unknown = (state as Record<string, unknown>)[KEY];
  if (typeof saved !== 'object' || saved === null || !('name' in saved)) return null;
  if (saved.name === 'list') return LIST_VIEW;
  if (saved.name === 'add') return ADD_VIEW;
  const id = 'endpointId' in saved ? saved.endpointId : null;
  return saved.name === 'endpoint' && typeof id === 'string' && id !== '' ? endpointView(id) : null;
}

export function pushHistory(shown: View, onPop: (view: View) => void): EmbedHistory {
  window.history.replaceState(stateWith(shown), '');
  const onPopState = (event: PopStateEvent) => {
    const view = viewOfState(event.state);
    if (view !== null) onPop(view);
  };
  window.addEventListener('popstate', onPopState);
  return {
    moved(view, replace) {
      if (replace) window.history.replaceState(stateWith(view), '');
      else window.history.pushState(stateWith(view), '');
    },
    stop: () => window.removeEventListener('popstate', onPopState),
  };
}
