import { isApiError } from '../../api/api-error';
import { formatTime } from '../../api/server-words';
import { certificateWords, deliveryWords, expiryWords, tlsWords } from './check-words';
import type { UrlCheckAnswer } from '../../../contract/url-check';

/**
 * What the region shows: a check's answer, or why the check itself failed; each for its URL and
 * with the time it came back (what "in N days" counts from).
 */
export type CheckShown = { url: string; at: number } & (
  { eventType: string; answer: UrlCheckAnswer } | { error: unknown }
);

type CheckReportProps = {
  shown: CheckShown;
  /** The field holds another URL than the one checked. */
  stale: boolean;
};

/** The inside of the "URL check" region: each finding in words, or what failed. */
export function CheckReport({ shown, stale }: CheckReportProps) {
  if (stale) {
    return (
      <p className="kwe-muted">
        The last check was of <bdi className="kwe-break">{shown.url}</bdi>, not of the URL in the
        field now. Press Check URL to check this one.
      </p>
    );
  }
  if ('error' in shown) {
    return (
      <div className="kwe-note">
        <p className="kwe-banner-title">The URL could not be checked</p>
        <p>{checkFailure(shown.error, shown.at)}</p>
        {isApiError(shown.error) && shown.error.requestId && (
          <p className="kwe-muted">
            Request id: <code>{shown.error.requestId}</code>
          </p>
        )}
      </div>
    );
  }

  const { ok, tls, delivery, problem, warnings } = shown.answer;
  const expiry = tls ? expiryWords(tls.valid_to, shown.at) : null;
  // The expiry is said here in the reader's calendar and locale; the server's own English words
  // for it ("the certificate expires in 9 days") would say it twice, perhaps a day apart.
  const others = expiry ? warnings.filter((warning) => !SERVER_EXPIRY.test(warning)) : warnings;
  return (
    // The failure's box, title and words say it, not only its colour.
    <div className={ok ? 'kwe-panel' : 'kwe-banner'}>
      {ok ? (
        <p className="kwe-status-line">
          Passed: <bdi className="kwe-break">{shown.url}</bdi> is ready for deliveries.
        </p>
      ) : (
        <p className="kwe-banner-title">
          The check failed: <bdi>{(problem ?? 'the URL did not pass').replace(/\.$/, '')}</bdi>.
        </p>
      )}
      <ul>
        {tls && <li>{tlsWords(tls.version)}</li>}
        {tls && <li>{certificateWords(tls)}.</li>}
        {expiry && <li>{expiry.words}.</li>}
        <li>
          {delivery
            ? `Test delivery of ${shown.eventType}: ${deliveryWords(delivery)}.`
            : 'No test delivery was sent.'}
        </li>
      </ul>
      {expiry?.soon && (
        <p className="kwe-note">
          Warning: the certificate expires {expiry.inDays}. Renew it before then, or deliveries will
          fail.
        </p>
      )}
      {others.map((warning) => (
        <p key={warning} className="kwe-note">
          Warning: <bdi>{warning}</bdi>
        </p>
      ))}
    </div>
  );
}

const SERVER_EXPIRY = /^the certificate expires\b/i;

function checkFailure(error: unknown, at: number): string {
  if (!isApiError(error)) return 'Something unexpected failed. Try again.';
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return `Too many checks in a short time. ${
      seconds === undefined
        ? 'Wait a minute, then try again.'
        : `Try again after ${formatTime(at + seconds * 1000)}.`
    }`;
  }
  return error.serverMessage ?? error.message;
}
