import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Draft,
  clearDraft,
  readDraft,
  sameValues,
  writeDraft,
} from '../../drafts/draft-storage';
import { useDraftOwner } from '../../drafts/draft-owner';
import type { EndpointFormValues } from '../../endpoint-form/form-values';

/**
 * The draft of one endpoint's form, kept with the server values it was made from (its merge
 * base). A draft made from the values the server still holds comes back by itself; one made from
 * values that changed since is only offered, and restoring it restores its base too, so a save
 * keeps what a colleague saved since. Only drafts of the account signed in come back: another
 * admin's are neither restored nor offered.
 */
export function useDraft(endpointId: string, serverValues: EndpointFormValues) {
  const owner = useDraftOwner();
  const [initial] = useState(() => initialState(owner, endpointId, serverValues));
  const [offered, setOffered] = useState(initial.offered);

  // A keystroke or a tick is painted before its draft is stored (storage is synchronous, about a
  // ms a write): the latest write waits for the next task, and for nothing when the page goes.
  const pending = useRef<(() => void) | null>(null);
  const flush = useCallback(() => {
    const write = pending.current;
    pending.current = null;
    write?.();
  }, []);
  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const persist = useCallback(
    (values: EndpointFormValues, base: EndpointFormValues) => {
      if (offered) return; // keep the older draft until the admin decides on it
      if (pending.current === null) setTimeout(flush);
      pending.current = () => {
        if (sameValues(values, base)) clearDraft(endpointId);
        else writeDraft(owner, endpointId, base, values);
      };
    },
    [owner, endpointId, offered, flush],
  );

  return {
    startValues: initial.restored?.values ?? serverValues,
    startBase: initial.restored?.base ?? serverValues,
    restored: initial.restored !== null,
    offered,
    persist,
    closeOffer: () => setOffered(null),
    clear: () => {
      pending.current = null;
      clearDraft(endpointId);
    },
  };
}

type InitialState = { restored: Draft | null; offered: Draft | null };

function initialState(
  owner: string | null,
  endpointId: string,
  serverValues: EndpointFormValues,
): InitialState {
  const draft = readDraft(owner, endpointId);
  if (draft === null || sameValues(draft.values, serverValues)) {
    return { restored: null, offered: null };
  }
  return sameValues(draft.base, serverValues)
    ? { restored: draft, offered: null }
    : { restored: null, offered: draft };
}
