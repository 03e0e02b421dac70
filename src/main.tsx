import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { endpointsQueryOptions } from './api/endpoints';
import { eventTypesQueryOptions } from './api/event-types';
import { createQueryClient } from './app/query-client';
import { StandaloneApp, readView } from './app/standalone-app';
import { preloadEditor } from './app/use-editor-module';
import { loadMessages } from './i18n/catalog';
import { appCatalog } from './i18n/catalogs/app';
import { negotiateLocale } from './i18n/locales';
import './app/app.css';

const apiClient = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();

// Ask for what the first view needs now, before React renders, so the answers travel while the
// code runs. Every view needs the list; an open endpoint and the add form also need the catalog
// and the editor's code. A failure here shows up in the view's own query, which retries.
queryClient.query(endpointsQueryOptions(apiClient)).catch(() => undefined);
// The browser's language, when it is not English, travels beside them (a chunk of its own).
loadMessages(appCatalog, negotiateLocale(navigator.languages)).catch(() => undefined);
if (readView().name !== 'list') {
  queryClient.query(eventTypesQueryOptions(apiClient)).catch(() => undefined);
  preloadEditor().catch(() => undefined);
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StandaloneApp apiClient={apiClient} queryClient={queryClient} />
  </StrictMode>,
);
