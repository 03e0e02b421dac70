// mount(element, options): the editor inside a host page, in an open shadow root of the host's
// element, with its own API client, a QueryClient shared with the page's other editors of the same
// backend, and nothing left behind by unmount().
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { type ApiClient, createApiClient } from '../api/api-client';
import { isApiError } from '../api/api-error';
import { type Endpoint, withoutSecret } from '../../contract/schemas';
import { EditorApp, type NavigateOptions } from './editor-app';
import { type EmbedHistory, pushHistory } from './embed-history';
import {
  CREATED_EVENT,
  DELETED_EVENT,
  DIRTY_EVENT,
  ERROR_EVENT,
  SAVED_EVENT,
} from './embed-events';
import { EmbedOptionsError, type ParsedEmbedOptions, parseEmbedOptions } from './embed-options';
import type { EmbedError, EmbedOptions, MountHandle } from './embed-types';
import { acquireQueryClient, backendOf } from './shared-query-client';
import { type View, endpointIdOf, endpointView } from './view';

export type MountContext = {
  /**
   * Mounted and unmounted from a React component's layout effect (the /react entry): the host's
   * React is committing then and refuses to flush another root. The first render then waits for
   * the end of that commit (still before the browser paints), and the root itself is unmounted
   * a microtask after the component; the element is free again at once.
   */
  insideReactCommit?: boolean;
};

const mounted = new WeakSet<Element>();

export function mount(
  element: HTMLElement,
  options: EmbedOptions = {},
  css = '',
  { insideReactCommit = false }: MountContext = {},
): MountHandle {
  if (!(element instanceof HTMLElement)) {
    throw new EmbedOptionsError('mount() needs an HTML element to render into');
  }
  if (mounted.has(element)) {
    throw new EmbedOptionsError('this element already holds an editor: call unmount() first');
  }
  let current = parseEmbedOptions(options);
  let view: View = endpointView(current.endpointId ?? null);

  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  // A constructed sheet, not a <style> element: it needs no 'unsafe-inline' in the host's CSP.
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  const container = document.createElement('div');
  container.className = 'kwe-embed';
  shadow.append(container);
  mounted.add(element);

  let cache = acquireQueryClient(backendOf(current.apiBaseUrl));
  let apiClient = clientFor(current);
  const root: Root = createRoot(container);

  const emit = (type: string, detail: unknown) =>
    container.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  // A host hears of each save, create and delete with the endpoint, never its secret.
  const tell = (type: string, callback: 'onSaved' | 'onCreated' | 'onDeleted') => {
    return (endpoint: Endpoint) => {
      emit(type, withoutSecret(endpoint));
      // Its own copy: a host that changes what it got cannot change what the DOM event carried.
      callHost(() => current[callback]?.(withoutSecret(endpoint)));
    };
  };
  const onSaved = tell(SAVED_EVENT, 'onSaved');
  const onCreated = tell(CREATED_EVENT, 'onCreated');
  const onDeleted = tell(DELETED_EVENT, 'onDeleted');
  const onDirtyChange = (dirty: boolean) => {
    emit(DIRTY_EVENT, { dirty, endpointId: endpointIdOf(view) });
    callHost(() => current.onDirtyChange?.(dirty));
  };
  const onError = (error: unknown) => {
    const detail = toEmbedError(error);
    emit(ERROR_EVENT, detail);
    callHost(() => current.onError?.(detail));
  };
  const show = (next: View) => {
    view = next;
    render();
  };
  let history: EmbedHistory | null = null;
  const followHistory = () => {
    if (current.history === 'push') history ??= pushHistory(view, show);
    else {
      history?.stop();
      history = null;
    }
  };
  followHistory();
  const navigate = (next: View, { replace = false }: NavigateOptions = {}) => {
    history?.moved(next, replace);
    show(next);
  };

  function clientFor(options: ParsedEmbedOptions): ApiClient {
    return createApiClient({
      baseUrl: options.apiBaseUrl,
      timeoutMs: options.timeoutMs,
      // The host's own, read at each request: update({ getHeaders }) takes effect on the next
      // one, and without one a 401 is reported at once rather than sent again unchanged.
      get getHeaders() {
        return current.getHeaders;
      },
    });
  }

  function render() {
    root.render(
      <StrictMode>
        <EditorApp
          apiClient={apiClient}
          queryClient={cache.queryClient}
          view={view}
          onNavigate={navigate}
          theme={current.theme}
          locale={current.locale}
          features={current.features}
          onSaved={onSaved}
          onCreated={onCreated}
          onDeleted={onDeleted}
          onDirtyChange={onDirtyChange}
          onError={onError}
        />
      </StrictMode>,
    );
  }
  // The first render is synchronous: the element has its (reserved) height when mount() returns,
  // so no frame of the host page is painted with the editor at height 0 and then pushed down.
  // Inside a React commit it is done at the end of that commit, also before any paint.
  if (insideReactCommit) render();
  else flushSync(render);

  return {
    update(next) {
      const before = current;
      current = parseEmbedOptions({ ...before, ...next });
      const backendChanged =
        current.apiBaseUrl !== before.apiBaseUrl || current.timeoutMs !== before.timeoutMs;
      if (backendChanged) {
        apiClient = clientFor(current);
        // Another backend: nothing cached from the old one may show.
        const previous = cache;
        cache = acquireQueryClient(backendOf(current.apiBaseUrl));
        previous.release();
      }
      // Only a new endpointId moves the view: the custom element passes its attribute on every
      // update, and a theme change must not throw away the add form or an open endpoint.
      const moved = Object.hasOwn(next, 'endpointId') && current.endpointId !== before.endpointId;
      if (moved) {
        view = endpointView(current.endpointId ?? null);
        // The portal's own move: it made (or did not make) its entry itself.
        history?.moved(view, true);
      }
      followHistory();
      // Callbacks and getHeaders are read when called: a new one alone needs no render (a React
      // portal passes new inline callbacks on each of its renders).
      if (backendChanged || moved || !sameLook(before, current)) render();
    },
    unmount() {
      if (!mounted.has(element)) return;
      history?.stop();
      history = null;
      const release = () => {
        root.unmount();
        cache.release();
      };
      if (insideReactCommit) queueMicrotask(release);
      else release();
      container.remove();
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
      mounted.delete(element);
    },
  };
}

function sameLook(a: ParsedEmbedOptions, b: ParsedEmbedOptions): boolean {
  return (
    a.theme === b.theme &&
    a.locale === b.locale &&
    a.features.create === b.features.create &&
    a.features.delete === b.features.delete
  );
}

function toEmbedError(error: unknown): EmbedError {
  if (!isApiError(error)) return { message: 'Unexpected error', code: 'UNKNOWN_ERROR' };
  return {
    message: error.message,
    code: error.code,
    status: error.status,
    requestId: error.requestId,
  };
}

/** A host callback that throws must not break the editor; the error still reaches the console. */
function callHost(callback: () => void) {
  try {
    callback();
  } catch (error) {
    reportError(error);
  }
}
