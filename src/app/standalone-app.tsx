import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/api-client';
import { syncAcrossTabs } from '../api/cross-tab-sync';
import { AccountBar } from './account-bar';
import { EditorApp } from './editor-app';
import { backendOf } from './shared-query-client';
import { SignInAgain } from './sign-in-again';
import { useSignInLost } from './use-sign-in-lost';

// The standalone app keeps the open endpoint in the address bar (`?endpoint_id=ID`), so a
// portal can deep-link to it and the back button works.
function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

export const readEndpointId = (): string | null =>
  new URLSearchParams(window.location.search).get('endpoint_id');

function navigate(endpointId: string | null) {
  const url = new URL(window.location.href);
  if (endpointId === null) url.searchParams.delete('endpoint_id');
  else url.searchParams.set('endpoint_id', endpointId);
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

type StandaloneAppProps = {
  /** Made by the entry module, which starts the first requests before React renders. */
  apiClient: ApiClient;
  queryClient: QueryClient;
};

export function StandaloneApp({ apiClient, queryClient }: StandaloneAppProps) {
  const endpointId = useSyncExternalStore(subscribe, readEndpointId);
  // Other tabs of this app hear of its saves, and it of theirs.
  useEffect(() => syncAcrossTabs(queryClient, backendOf('/api')), [queryClient]);
  const signInLost = useSignInLost(queryClient);
  // index.html paints this same frame before the scripts have run: keep the two alike.
  return (
    <div className="kwe-root kwe-page" data-theme="auto">
      <header className="kwe-topbar">
        {!signInLost && <AccountBar queryClient={queryClient} />}
        <span className="kwe-brand">Konpro</span> webhook endpoints
      </header>
      <main className="kwe-main">
        {signInLost && <SignInAgain lost={signInLost} />}
        <EditorApp
          apiClient={apiClient}
          queryClient={queryClient}
          endpointId={endpointId}
          onNavigate={navigate}
        />
      </main>
    </div>
  );
}
