import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { askFirstRequests } from './app/first-requests';
import { createQueryClient } from './app/query-client';
import { StandaloneApp, readView } from './app/standalone-app';
import './app/app.css';

const apiClient = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();

askFirstRequests({
  queryClient,
  apiClient,
  authClient: createApiClient({ baseUrl: '/auth' }),
  view: readView(),
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StandaloneApp apiClient={apiClient} queryClient={queryClient} />
  </StrictMode>,
);
