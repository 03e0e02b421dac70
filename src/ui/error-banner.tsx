import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';

type ErrorBannerProps = { error: unknown; title?: string; children?: ReactNode };

export function ErrorBanner({ error, title = 'Something went wrong', children }: ErrorBannerProps) {
  const message = isApiError(error)
    ? error.message
    : 'An unexpected error happened. Reload the page and try again.';
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="kwe-banner" role="alert">
      <p className="kwe-banner-title">{title}</p>
      <p>{message}</p>
      {requestId && (
        <p className="kwe-muted">
          Request id: <code>{requestId}</code>
        </p>
      )}
      {children && <div className="kwe-actions">{children}</div>}
    </div>
  );
}
