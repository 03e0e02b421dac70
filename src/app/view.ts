// What the editor shows: the list, the form that adds an endpoint, or one endpoint. The standalone
// app keeps it in the address bar; mount() keeps it itself, opening on the portal's endpointId.

export type View = { name: 'list' } | { name: 'add' } | { name: 'endpoint'; endpointId: string };

export const LIST_VIEW: View = { name: 'list' };
export const ADD_VIEW: View = { name: 'add' };

export function endpointView(endpointId: string | null): View {
  return endpointId === null ? LIST_VIEW : { name: 'endpoint', endpointId };
}

export function endpointIdOf(view: View): string | null {
  return view.name === 'endpoint' ? view.endpointId : null;
}

export function sameView(a: View, b: View): boolean {
  return a.name === b.name && endpointIdOf(a) === endpointIdOf(b);
}

/** `?endpoint_id=ID` is an endpoint, `?new` the add form, anything else the list. */
export function viewOfSearch(search: string): View {
  const params = new URLSearchParams(search);
  const id = params.get('endpoint_id')?.trim();
  if (id) return { name: 'endpoint', endpointId: id };
  return params.has('new') ? ADD_VIEW : LIST_VIEW; // `?endpoint_id=` with nothing after it is the list
}

/** The address of `view`, keeping whatever else the page's address carries. */
export function urlOfView(view: View, base: string): URL {
  const url = new URL(base);
  url.searchParams.delete('endpoint_id');
  url.searchParams.delete('new');
  if (view.name === 'endpoint') url.searchParams.set('endpoint_id', view.endpointId);
  if (view.name === 'add') url.searchParams.set('new', '');
  // `?new=` reads as a value that was forgotten: the add form's address is `?new`.
  url.search = url.search.replace(/([?&]new)=(?=&|$)/, '$1');
  return url;
}
