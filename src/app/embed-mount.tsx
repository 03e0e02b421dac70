// mount(element, options): the editor inside a host page, in an open shadow root of the host's
// element, with its own API client, a QueryClient shared with the page's other editors of the same
// backend, and nothing left behind by unmount().
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { type ApiClient, createApiClient } from '../api/api-client';
import { isApiError } from '../api/api-error';
import type { Endpoint } from '../api/schemas';
import { EditorApp } from './editor-app';
import {
  type EmbedError,
  type EmbedOptions,
  EmbedOptionsError,
  type ParsedEmbedOptions,
  parseEmbedOptions,
} from './embed-options';
import { acquireQueryClient, backendOf } from './shared-query-client';

export type MountHandle = {
  update(options: Partial<EmbedOptions>): void;
  unmount(): void;
};

export const SAVED_EVENT = 'webhook-endpoint-saved';
export const DIRTY_EVENT = 'webhook-endpoint-dirty-change';
export const ERROR_EVENT = 'webhook-endpoint-error';

const mounted = new WeakSet<Element>();

export function mount(element: HTMLElement, options: EmbedOptions = {}, css = ''): MountHandle {
  if (!(element instanceof HTMLElement)) {
    throw new EmbedOptionsError('mount() needs an HTML element to render into');
  }
  if (mounted.has(element)) {
    throw new EmbedOptionsError('this element already holds an editor: call unmount() first');
  }
  let current = parseEmbedOptions(options);
  let endpointId = current.endpointId ?? null;

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
  const onSaved = (endpoint: Endpoint) => {
    const detail = withoutSecret(endpoint);
    emit(SAVED_EVENT, detail);
    callHost(() => current.onSaved?.(detail));
  };
  const onDirtyChange = (dirty: boolean) => {
    emit(DIRTY_EVENT, { dirty, endpointId });
    callHost(() => current.onDirtyChange?.(dirty));
  };
  const onError = (error: unknown) => {
    const detail = toEmbedError(error);
    emit(ERROR_EVENT, detail);
    callHost(() => current.onError?.(detail));
  };
  const navigate = (next: string | null) => {
    endpointId = next;
    render();
  };

  function clientFor(options: ParsedEmbedOptions): ApiClient {
    return createApiClient({
      baseUrl: options.apiBaseUrl,
      timeoutMs: options.timeoutMs,
      // Read at call time, so update({ getHeaders }) takes effect on the next request.
      getHeaders: () => current.getHeaders?.() ?? {},
    });
  }

  function render() {
    root.render(
      <StrictMode>
        <EditorApp
          apiClient={apiClient}
          queryClient={cache.queryClient}
          endpointId={endpointId}
          onNavigate={navigate}
          theme={current.theme}
          onSaved={onSaved}
          onDirtyChange={onDirtyChange}
          onError={onError}
        />
      </StrictMode>,
    );
  }
  // The first render is synchronous: the element has its (reserved) height when mount() returns,
  // so no frame of the host page is painted with the editor at height 0 and then pushed down.
  flushSync(render);

  return {
    update(next) {
      const merged = parseEmbedOptions({ ...current, ...next });
      const backendChanged =
        merged.apiBaseUrl !== current.apiBaseUrl || merged.timeoutMs !== current.timeoutMs;
      current = merged;
      if (backendChanged) {
        apiClient = clientFor(current);
        // Another backend: nothing cached from the old one may show.
        const previous = cache;
        cache = acquireQueryClient(backendOf(current.apiBaseUrl));
        previous.release();
      }
      if (Object.hasOwn(next, 'endpointId')) endpointId = current.endpointId ?? null;
      render();
    },
    unmount() {
      if (!mounted.has(element)) return;
      root.unmount();
      cache.release();
      container.remove();
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
      mounted.delete(element);
    },
  };
}

/** The secret stays inside the editor: hosts get everything else. */
function withoutSecret(endpoint: Endpoint): Omit<Endpoint, 'secret'> {
  return {
    endpoint_id: endpoint.endpoint_id,
    url: endpoint.url,
    status: endpoint.status,
    events: [...endpoint.events],
    username: endpoint.username,
    created_at: endpoint.created_at,
  };
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
