import { useEffect, useState } from 'react';
import { WebhookEndpointEditor } from 'konpro-webhook-editor/react';
import { getEditorHeaders } from './editor-headers';

/** The portal's own layout, with the webhook editor as one of its pages. */
export function Portal() {
  const [user, setUser] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void fetch('/portal/me')
      .then((response) => response.json() as Promise<{ email: string }>)
      .then(({ email }) => setUser(email));
  }, []);

  return (
    <div className="portal">
      <header className="portal-header">
        <strong>Acme developer portal</strong>
        <nav aria-label="Portal">
          <a href="/">Webhooks</a>
          <a href="#keys">API keys</a>
          <a href="#docs">Docs</a>
        </nav>
        {user && <span>Signed in as {user}</span>}
        <form method="post" action="/sign-out">
          <button>Sign out</button>
        </form>
      </header>
      <main className="portal-main">
        <h1>Webhooks</h1>
        <p>Where Acme sends your account's events.</p>
        <WebhookEndpointEditor
          id="webhooks"
          apiBaseUrl="/portal-api"
          getHeaders={getEditorHeaders}
          theme="light"
          onSaved={(endpoint) => setNotice(`Webhook now points at ${endpoint.url}`)}
        />
        <p role="status">{notice}</p>
      </main>
    </div>
  );
}
