import type { ReactNode } from 'react';

type ErrorBannerProps = {
  title: string;
  /** The server's own words, shown as such. */
  detail?: string | undefined;
  advice?: string | undefined;
  requestId?: string | undefined;
  children?: ReactNode;
};

export function ErrorBanner({ title, detail, advice, requestId, children }: ErrorBannerProps) {
  return (
    <div className="kwe-banner" role="alert">
      <p className="kwe-banner-title">{title}</p>
      {detail && detail !== title && <p>Konpro said: “{detail}”</p>}
      {advice && <p>{advice}</p>}
      {requestId && (
        <p className="kwe-muted">
          Request id: <code>{requestId}</code>
        </p>
      )}
      {children && <div className="kwe-actions">{children}</div>}
    </div>
  );
}
