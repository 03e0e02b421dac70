import { useEffect, useState } from 'react';
import { sameValues } from './draft-storage';
import type { EndpointFormValues } from './form-values';

/**
 * The server values the admin's edits are measured against: the merge base of the next save.
 * When the server's values change while the editor is open, an untouched form follows them;
 * a form with edits keeps both its values and its base, so the save can merge.
 */
export function useMergeBase(
  start: EndpointFormValues,
  server: EndpointFormValues,
  values: EndpointFormValues,
  /** While a save runs, its own read and answer are its business, not a change to follow. */
  paused: boolean,
  reset: (values: EndpointFormValues) => void,
) {
  const [base, setBase] = useState(start);
  const [seen, setSeen] = useState(server);
  const [follow, setFollow] = useState<EndpointFormValues | null>(null);

  if (!paused && !sameValues(seen, server)) {
    setSeen(server);
    if (sameValues(values, base)) {
      setBase(server);
      setFollow(server);
    } else if (sameValues(values, server)) {
      setBase(server); // the admin's edits are on the server now: nothing left to save
    }
  }
  // The form's inputs live in react-hook-form; they take the new values after this render.
  useEffect(() => {
    if (follow) reset(follow);
  }, [follow, reset]);

  return {
    base,
    /** A new base, and the server values it was decided against. */
    rebase: (next: EndpointFormValues, serverNow: EndpointFormValues) => {
      setBase(next);
      setSeen(serverNow);
    },
  };
}
