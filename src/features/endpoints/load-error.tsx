import { isApiError } from '../../api/api-error';
import { ErrorBanner } from '../../ui/error-banner';

type LoadErrorProps = { error: unknown; title: string; onRetry: () => void };

export function LoadError({ error, title, onRetry }: LoadErrorProps) {
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <ErrorBanner
      title={title}
      advice={
        offline
          ? 'You are offline. Try again once you are back online.'
          : isApiError(error)
            ? error.message
            : 'An unexpected error happened. Try again.'
      }
      requestId={isApiError(error) ? error.requestId : undefined}
    >
      <button type="button" className="kwe-button" onClick={onRetry}>
        Try again
      </button>
    </ErrorBanner>
  );
}
