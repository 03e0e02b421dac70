import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { formatTime } from '../../i18n/editor-formats';
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
  const { i18n, t } = useLingui();
  const url = shown.url;
  if (stale) {
    return (
      <p className="kwe-muted">
        <Trans>
          The last check was of{' '}
          <bdi className="kwe-break" dir="ltr">
            {url}
          </bdi>
          , not of the URL in the field now. Press Check URL to check this one.
        </Trans>
      </p>
    );
  }
  if ('error' in shown) {
    const requestId = isApiError(shown.error) ? shown.error.requestId : undefined;
    return (
      <div className="kwe-note">
        <p className="kwe-banner-title">{t`The URL could not be checked`}</p>
        <p>{checkFailure(i18n, shown.error, shown.at)}</p>
        {requestId && (
          <p className="kwe-muted">
            <Trans>
              Request id: <code dir="ltr">{requestId}</code>
            </Trans>
          </p>
        )}
      </div>
    );
  }

  const { ok, tls, delivery, problem, warnings } = shown.answer;
  const expiry = tls ? expiryWords(i18n, tls.valid_to, shown.at) : null;
  // The expiry is said here in the reader's calendar and locale; the server's own English words
  // for it ("the certificate expires in 9 days") would say it twice, perhaps a day apart.
  const others = expiry ? warnings.filter((warning) => !SERVER_EXPIRY.test(warning)) : warnings;
  // The server's own words (Konpro's, in English): quoted as they came, isolated from the text.
  const why = (problem ?? t`the URL did not pass`).replace(/\.$/, '');
  const eventType = shown.eventType;
  const deliveryResult = delivery ? deliveryWords(i18n, delivery) : '';
  const inDays = expiry?.inDays ?? '';
  return (
    // The failure's box, title and words say it, not only its colour.
    <div className={ok ? 'kwe-panel' : 'kwe-banner'}>
      {ok ? (
        <p className="kwe-status-line">
          <Trans>
            Passed:{' '}
            <bdi className="kwe-break" dir="ltr">
              {url}
            </bdi>{' '}
            is ready for deliveries.
          </Trans>
        </p>
      ) : (
        <p className="kwe-banner-title">
          <Trans>
            The check failed: <bdi>{why}</bdi>.
          </Trans>
        </p>
      )}
      <ul>
        {tls && <li dir="ltr">{tlsWords(tls.version)}</li>}
        {tls && <li>{certificateWords(i18n, tls)}</li>}
        {expiry && <li>{expiry.words}</li>}
        <li>
          {delivery ? (
            <Trans>
              Test delivery of <bdi dir="ltr">{eventType}</bdi>: {deliveryResult}.
            </Trans>
          ) : (
            t`No test delivery was sent.`
          )}
        </li>
      </ul>
      {expiry?.soon && (
        <p className="kwe-note">
          {t`Warning: the certificate expires ${inDays}. Renew it before then, or deliveries will fail.`}
        </p>
      )}
      {others.map((warning) => (
        <p key={warning} className="kwe-note">
          <Trans>
            Warning: <bdi>{warning}</bdi>
          </Trans>
        </p>
      ))}
    </div>
  );
}

const SERVER_EXPIRY = /^the certificate expires\b/i;

function checkFailure(i18n: I18n, error: unknown, at: number): string {
  if (!isApiError(error)) return i18n._(msg`Something unexpected failed. Try again.`);
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (seconds === undefined) {
      return i18n._(msg`Too many checks in a short time. Wait a minute, then try again.`);
    }
    const time = formatTime(i18n.locale, at + seconds * 1000);
    return i18n._(msg`Too many checks in a short time. Try again after ${time}.`);
  }
  return error.serverMessage ?? i18n._(apiErrorText(error));
}
