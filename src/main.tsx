import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { askFirstRequests } from './app/first-requests';
import { renderWhenReady } from './app/first-render';
import { createQueryClient } from './app/query-client';
import { StandaloneApp, readView } from './app/standalone-app';
import { loadMessages } from './i18n/catalog';
import { appCatalog } from './i18n/catalogs/app';
import { negotiateLocale } from './i18n/locales';
import './app/app.css';

const apiClient = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();

const firstViewReady = askFirstRequests({
  queryClient,
  apiClient,
  authClient: createApiClient({ baseUrl: '/auth' }),
  view: readView(),
});
// The browser's language, when it is not English, travels beside them (a chunk of its own).
loadMessages(appCatalog, negotiateLocale(navigator.languages)).catch(() => undefined);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// An endpoint's link renders once, with the editor, rather than a loading view first.
renderWhenReady(firstViewReady, () =>
  createRoot(root).render(
    <StrictMode>
      <StandaloneApp apiClient={apiClient} queryClient={queryClient} />
    </StrictMode>,
  ),
);
