import { useLingui } from '@lingui/react/macro';
import { formatNumber, useLocale } from '../i18n/formats';
import { ErrorBanner } from './error-banner';
import { describeLoadFailure } from '../api/load-failure';
import { useSecondsLeft } from './use-seconds-left';

type LoadErrorProps = {
  error: unknown;
  /** When it failed (a query's `errorUpdatedAt`), for the time Retry-After points to. */
  failedAt: number;
  title: string;
  onRetry: () => void;
  /** Said after the advice, e.g. what still works without what failed to load. */
  note?: string | undefined;
};

export function LoadError({ error, failedAt, title, onRetry, note }: LoadErrorProps) {
  const { t, i18n } = useLingui();
  const locale = useLocale();
  const online = typeof navigator === 'undefined' || navigator.onLine;
  const failure = describeLoadFailure(error, online, failedAt);
  const secondsLeft = useSecondsLeft(failure.retryAt, failure.retryAfterSeconds);
  const seconds = formatNumber(locale, secondsLeft);
  const advice = i18n._(failure.advice);
  return (
    <ErrorBanner
      title={title}
      advice={note ? `${advice} ${note}` : advice}
      detail={failure.detail}
      fromEditorServer={failure.fromEditorServer}
      requestId={failure.requestId}
    >
      <button type="button" className="kwe-button" onClick={onRetry} disabled={secondsLeft > 0}>
        {secondsLeft > 0 ? t`Try again in ${seconds} s` : t`Try again`}
      </button>
    </ErrorBanner>
  );
}
