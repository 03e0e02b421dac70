import { useLingui } from '@lingui/react/macro';
import { type ReactNode, useEffect, useRef } from 'react';
import { ELEMENT, withElement } from '../i18n/with-element';

type ErrorBannerProps = {
  title: string;
  /** The server's own words, shown as such. */
  detail?: string | undefined;
  /** `detail` is the editor's own server speaking about Konpro; otherwise Konpro said it. */
  fromEditorServer?: boolean | undefined;
  advice?: string | undefined;
  requestId?: string | undefined;
  children?: ReactNode;
  /** Move focus here when shown, so keyboard and screen reader users land on the problem. */
  autoFocus?: boolean;
};

export function ErrorBanner(props: ErrorBannerProps) {
  const { t } = useLingui();
  // The messages' names for the elements they hold (i18n/with-element.tsx).
  const words = ELEMENT;
  const id = ELEMENT;
  const { title, detail, fromEditorServer = false, advice, requestId, children } = props;
  const { autoFocus = false } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <div ref={ref} className="kwe-banner" role="alert" tabIndex={-1}>
      <p className="kwe-banner-title">{title}</p>
      {detail && detail !== title && (
        <p>
          {withElement(
            fromEditorServer ? t`The editor’s server said: “${words}”` : t`Konpro said: “${words}”`,
            <bdi>{detail}</bdi>,
          )}
        </p>
      )}
      {advice && <p>{advice}</p>}
      {requestId && (
        <p className="kwe-muted">
          {withElement(t`Request id: ${id}`, <code dir="ltr">{requestId}</code>)}
        </p>
      )}
      {children && <div className="kwe-actions">{children}</div>}
    </div>
  );
}
