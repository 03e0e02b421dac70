import { useEffect, useId, useRef, useState } from 'react';
import type { Endpoint } from '../../api/schemas';
import { inCatalogOrder } from './event-groups';
import { StatusBadge } from './status-badge';

const MASK = '•'.repeat(24);

type SavedPanelProps = { endpoint: Endpoint; catalog: string[] | null; autoFocus?: boolean };

export function SavedPanel({ endpoint, catalog, autoFocus = false }: SavedPanelProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  return (
    <section className="kwe-panel kwe-saved" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        What the server saved
      </h3>
      <dl className="kwe-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={endpoint.status} />
        </dd>
        <dt>URL</dt>
        <dd className="kwe-break">{endpoint.url}</dd>
        <dt>Events</dt>
        <dd>
          {endpoint.events.length === 0 ? (
            'All events'
          ) : (
            <ul className="kwe-inline-list">
              {inCatalogOrder(endpoint.events, catalog ?? []).map((event) => (
                <li key={event}>
                  <code>{event}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Username</dt>
        <dd>{endpoint.username ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{formatCreatedAt(endpoint.created_at)}</dd>
        <dt>Signing secret</dt>
        <dd>{endpoint.secret ? <SecretField secret={endpoint.secret} /> : 'Not returned'}</dd>
      </dl>
    </section>
  );
}

function formatCreatedAt(value: string | undefined): string {
  if (value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

type CopyState = 'idle' | 'copied' | 'refused';

/** The secret stays out of the DOM until revealed, so a screenshot or a DOM dump cannot leak it. */
function SecretField({ secret }: { secret: string }) {
  const [revealed, setRevealed] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('refused');
    }
  }

  return (
    <div className="kwe-secret">
      {revealed ? (
        <code className="kwe-break">{secret}</code>
      ) : (
        <span className="kwe-mask" aria-label="Secret hidden" role="img">
          {MASK}
        </span>
      )}
      <div className="kwe-actions">
        <button type="button" className="kwe-button" onClick={() => setRevealed((r) => !r)}>
          {revealed ? 'Hide secret' : 'Reveal secret'}
        </button>
        <button type="button" className="kwe-button" onClick={() => void copySecret()}>
          Copy secret
        </button>
      </div>
      <p className="kwe-muted" role="status">
        {copy === 'copied' && 'Secret copied to the clipboard.'}
        {copy === 'refused' &&
          'The browser refused clipboard access: reveal the secret and copy it by hand.'}
      </p>
    </div>
  );
}
