import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';

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
  const seconds = useSecondsSinceMount();
  let text = label;
  if (failureCount > 0) text = `${retryReason(failureReason)} Asking again…`;
  else if (seconds * 1000 >= SLOW_MS) text = 'Still waiting for Konpro to answer…';
  return (
    <p className="kwe-loading" role="status">
      {text}
      {seconds * 1000 >= SLOW_MS && (
        <span className="kwe-muted" aria-hidden="true">
          {' '}
          ({seconds} s)
        </span>
      )}
    </p>
  );
}

function retryReason(error: unknown): string {
  if (!isApiError(error)) return 'The first attempt failed.';
  if (error.kind === 'timeout' || error.status === 504) return 'Konpro did not answer in time.';
  if (error.kind === 'network') return 'The server could not be reached.';
  if (error.status === 502) return 'Konpro could not be reached.';
  if (error.status === 503) return 'Konpro is unavailable right now.';
  return 'Konpro answered with an error.';
}

function useSecondsSinceMount(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds;
}
