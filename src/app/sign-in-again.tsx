import { useLingui } from '@lingui/react/macro';
import { leaveOnPurpose } from '../ui/leave-on-purpose';
import type { SignInLost } from './use-sign-in-lost';

type SignInAgainProps = { lost: SignInLost };

/**
 * Signing in again leaves the page for the provider and comes back to this address. Unsaved
 * edits of an endpoint wait in this tab's session storage and come back with the editor, so the
 * browser's "leave this page?" is not asked.
 */
export function SignInAgain({ lost }: SignInAgainProps) {
  const { t } = useLingui();
  const here = window.location.pathname + window.location.search;
  return (
    <div className="kwe-banner" role="alert">
      <p className="kwe-banner-title">
        {lost === 'expired' ? t`Your sign-in has expired` : t`You are signed out`}
      </p>
      <p>
        {t`Nothing was saved meanwhile. Your unsaved edits stay in this tab and come back after you sign in.`}
      </p>
      <div className="kwe-actions">
        <a
          className="kwe-button kwe-primary kwe-link-button"
          href={`/auth/login?return_to=${encodeURIComponent(here)}`}
          onClick={leaveOnPurpose}
        >
          {t`Sign in again`}
        </a>
      </div>
    </div>
  );
}
