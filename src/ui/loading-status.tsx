import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { formatNumber, useLocale } from '../i18n/formats';

type LoadingStatusProps = {
  /** What is loading, e.g. "Loading endpoint…". */
  label: string;
  /** Failed attempts so far (a query's `failureCount`) and the last one's error. */
  failureCount: number;
  failureReason: unknown;
};

const SLOW_MS = 3000;

/**
 * "Loading…" that does not stay bare: after a few seconds it says it is still waiting, and while
 * a failed attempt is retried, why. The running seconds are for the eye only; a screen reader
 * hears each new sentence once.
 */
export function LoadingStatus({ label, failureCount, failureReason }: LoadingStatusProps) {
  const { t, i18n } = useLingui();
  const locale = useLocale();
  const seconds = useSecondsSinceMount();
  const shown = formatNumber(locale, seconds);
  let text = label;
  if (failureCount > 0) {
    const reason = i18n._(retryReason(failureReason));
    text = t`${reason} Asking again…`;
  } else if (seconds * 1000 >= SLOW_MS) text = t`Still waiting for Konpro to answer…`;
  return (
    <p className="kwe-loading" role="status">
      {text}
      {seconds * 1000 >= SLOW_MS && (
        <span className="kwe-muted" aria-hidden="true">
          {' '}
          {t`(${shown} s)`}
        </span>
      )}
    </p>
  );
}

function retryReason(error: unknown): MessageDescriptor {
  if (!isApiError(error)) return msg`The first attempt failed.`;
  if (error.kind === 'timeout' || error.status === 504) return msg`Konpro did not answer in time.`;
  if (error.kind === 'network') return msg`The server could not be reached.`;
  if (error.status === 502) return msg`Konpro could not be reached.`;
  if (error.status === 503) return msg`Konpro is unavailable right now.`;
  return msg`Konpro answered with an error.`;
}

function useSecondsSinceMount(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds;
}
