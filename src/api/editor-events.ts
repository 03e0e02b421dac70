import { createContext, useContext, useEffect } from 'react';
import type { Endpoint } from '../../contract/schemas';

/** What a host wants to hear about; the standalone app listens to nothing. */
export type EditorEvents = {
  onSaved?: ((endpoint: Endpoint) => void) | undefined;
  onError?: ((error: unknown) => void) | undefined;
};

export const EditorEventsContext = createContext<EditorEvents>({});

export function useEditorEvents(): EditorEvents {
  return useContext(EditorEventsContext);
}

/** Tells the host once about each load error a screen shows. */
export function useReportError(error: unknown) {
  const { onError } = useEditorEvents();
  useEffect(() => {
    if (error) onError?.(error);
  }, [error, onError]);
}
