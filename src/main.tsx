import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { askFirstRequests } from './app/first-requests';
import { renderWhenReady } from './app/first-render';
import { createQueryClient } from './app/query-client';
import { preloadEditor } from './app/use-editor-module';
import { StandaloneApp, readView } from './app/standalone-app';
import { importLoader } from './i18n/catalog';
import { appCatalog } from './i18n/catalogs/app';
import { DEFAULT_LOCALE, type Locale, negotiateLocale } from './i18n/locales';
import './app/app.css';

const apiClient = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();

const firstViewReady = askFirstRequests({
  queryClient,
  apiClient,
  authClient: createApiClient({ baseUrl: '/auth' }),
  view: readView(),
});
// The browser's language, when it is not English, travels beside them (a chunk of its own, which
// the page in that language preloads), and the first render waits for it: drawn in English
// first, the page would then switch under the admin's eyes.
const locale = negotiateLocale(navigator.languages);
// An open endpoint waits for the editor's and the form's catalogues too (the page in that
// language preloads them), or it would draw a loading view while they come.
const messagesReady = locale === DEFAULT_LOCALE ? null : loadFirstMessages(locale);
const ready =
  firstViewReady === null && messagesReady === null
    ? null
    : Promise.all([firstViewReady, messagesReady]);

/**
 * The browser's language's messages for the page and, on an endpoint's link, for its editor: each
 * waited for apart, so the page's own are not held up by the editor's code, nor lost with it.
 */
function loadFirstMessages(locale: Locale) {
  const loader = importLoader();
  const settled = (loading: Promise<unknown>) => loading.catch(() => undefined);
  return Promise.all([
    settled(loader.then((messages) => messages.loadMessages(appCatalog, locale))),
    firstViewReady &&
      settled(
        Promise.all([loader, preloadEditor()]).then(([messages, editor]) =>
          Promise.all(editor.catalogs.map((catalog) => messages.loadMessages(catalog, locale))),
        ),
      ),
  ]);
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// An endpoint's link renders once, with the editor, rather than a loading view first.
renderWhenReady(ready, () =>
  createRoot(root).render(
    <StrictMode>
      <StandaloneApp apiClient={apiClient} queryClient={queryClient} />
    </StrictMode>,
  ),
);
