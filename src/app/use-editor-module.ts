import { useEffect, useState } from 'react';

// The editor (form library, checklist, summary) is not needed to show the list, so it is its own
// chunk. It is loaded by hand rather than with lazy() and <Suspense>: React holds a Suspense
// fallback on screen for at least 300 ms, which would be most of a deep link's wait.
const loadEditor = () => import('../features/endpoints/endpoint-editor');

type EditorModule = Awaited<ReturnType<typeof loadEditor>>;
export type EditorModuleState =
  | { status: 'loading' }
  | { status: 'ready'; module: EditorModule }
  | { status: 'failed'; retry: () => void };

let loaded: EditorModule | null = null;

/** Starts loading the editor's code at once, so opening an endpoint from the list rarely waits. */
export function useEditorModule(): EditorModuleState {
  const [module, setModule] = useState(loaded);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (module) return;
    let live = true;
    loadEditor().then(
      (editor) => {
        loaded = editor;
        if (live) setModule(editor);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [module, attempt]);

  if (module) return { status: 'ready', module };
  if (failed) {
    return {
      status: 'failed',
      retry: () => {
        setFailed(false);
        setAttempt((n) => n + 1);
      },
    };
  }
  return { status: 'loading' };
}
