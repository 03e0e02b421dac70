import { useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef } from 'react';
import type { Endpoint } from '../../../contract/schemas';
import { inCatalogOrder } from '../../endpoint-form/event-groups';
import { formatDateTime } from '../../i18n/editor-formats';
import { useLocale } from '../../i18n/formats';
import { breakable } from '../../ui/reads-as';
import { SecretField } from '../../ui/secret-field';
import { StatusBadge } from '../../ui/status-badge';

type SavedPanelProps = {
  /** The endpoint as the server holds it now. */
  endpoint: Endpoint;
  /** The save's answer's secret: the endpoint's one secret control after a save is here. */
  secret: string | null | undefined;
  catalog: string[] | null;
  autoFocus?: boolean;
};

/**
 * After a save: the endpoint as the server holds it, following later reads (a change made
 * elsewhere shows here as in the form), and the save's secret. While it shows, the region
 * "Signing secret" points here rather than offering a second control.
 */
export function SavedPanel({ endpoint, secret, catalog, autoFocus = false }: SavedPanelProps) {
  const { t } = useLingui();
  const locale = useLocale();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  const created = endpoint.created_at;
  const createdAt = created === undefined ? Number.NaN : Date.parse(created);
  return (
    <section className="kwe-panel kwe-saved" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {t`What the server saved`}
      </h3>
      <dl className="kwe-facts">
        <dt>{t`Status`}</dt>
        <dd>
          <StatusBadge status={endpoint.status} />
        </dd>
        <dt>{t`URL`}</dt>
        <dd>
          {/* A narrow screen ends a line after a `/`, `.`, `?` or `&`, not inside a word. */}
          <bdi className="kwe-break" dir="ltr">
            {breakable(endpoint.url)}
          </bdi>
        </dd>
        <dt>{t`Events`}</dt>
        <dd>
          {endpoint.events.length === 0 ? (
            t`All events`
          ) : (
            <ul className="kwe-inline-list">
              {inCatalogOrder(endpoint.events, catalog ?? []).map((event) => (
                <li key={event}>
                  <code dir="ltr">{event}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t`Username`}</dt>
        <dd>{endpoint.username ? <bdi>{endpoint.username}</bdi> : '—'}</dd>
        <dt>{t`Created`}</dt>
        <dd>
          {created === undefined ? (
            '—'
          ) : Number.isNaN(createdAt) ? (
            <bdi dir="ltr">{created}</bdi>
          ) : (
            <time dateTime={created}>{formatDateTime(locale, createdAt)}</time>
          )}
        </dd>
        <dt>{t`Signing secret`}</dt>
        <dd>{secret ? <SecretField secret={secret} /> : t`Not returned`}</dd>
      </dl>
    </section>
  );
}
