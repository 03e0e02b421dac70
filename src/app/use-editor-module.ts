import { useEffect, useState } from 'react';

// The editor (form library, checklist, summary) is not needed to show the list, so it is its own
// chunk. It is loaded by hand rather than with lazy() and <Suspense>: React holds a Suspense
// fallback on screen for at least 300 ms, which would be most of a deep link's wait.
const importEditor = () => import('./endpoint-editor');

type EditorModule = Awaited<ReturnType<typeof importEditor>>;
export type EditorModuleState =
  | { status: 'loading' }
  | { status: 'ready'; module: EditorModule }
  | { status: 'failed'; retry: () => void };

let loaded: EditorModule | null = null;
let loading: Promise<EditorModule> | null = null;

/**
 * Starts loading the editor's code (once; again after a failure). The standalone entry calls it
 * before React renders when the page opens on an endpoint, so the code and the data come together.
 */
export function preloadEditor(): Promise<EditorModule> {
  loading ??= importEditor().then(
    (editor) => (loaded = editor),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Runs `task` once the page has loaded and the browser has a quiet moment, so code the first view
 * does not need never competes with what it does need (and Lighthouse does not count it as unused
 * code of the first load). Returns a function that cancels it.
 */
function whenIdle(task: () => void): () => void {
  let cancelled = false;
  let idleId: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') {
      idleId = requestIdleCallback(task, { timeout: 3000 });
    } else {
      timer = setTimeout(task, 500);
    }
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', schedule);
    if (idleId !== undefined) cancelIdleCallback(idleId);
    clearTimeout(timer);
  };
}

/**
 * The editor's code: loaded at once when `needed` (an endpoint is open), otherwise in the first
 * idle moment after the page has loaded, so that opening an endpoint from the list rarely waits.
 */
export function useEditorModule(needed: boolean): EditorModuleState {
  const [module, setModule] = useState(loaded);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (module) return;
    let live = true;
    const load = () =>
      preloadEditor().then(
        (editor) => {
          if (live) setModule(editor);
        },
        () => {
          if (live && needed) setFailed(true);
        },
      );
    if (needed) {
      void load();
      return () => {
        live = false;
      };
    }
    const cancel = whenIdle(() => void load());
    return () => {
      live = false;
      cancel();
    };
  }, [module, attempt, needed]);

  if (module) return { status: 'ready', module };
  if (failed && needed) {
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
