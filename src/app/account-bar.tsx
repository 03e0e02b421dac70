import { useLingui } from '@lingui/react/macro';
import type { QueryClient } from '@tanstack/react-query';
import { ELEMENT, withElement } from '../i18n/with-element';
import type { Ref, SyntheticEvent } from 'react';
import { useSession } from './use-session';

type AccountBarProps = {
  queryClient: QueryClient;
  formRef: Ref<HTMLFormElement>;
  buttonRef: Ref<HTMLButtonElement>;
  onSignOut: (event: SyntheticEvent<HTMLFormElement>) => void;
};

/**
 * Who is signed in, and the way out. Standalone only: a portal that embeds the editor signs its
 * users in itself. Signing out is a plain form post, so it works before any script runs; once
 * scripts run, the app asks first when unsaved edits would be dropped (use-sign-out.ts).
 */
export function AccountBar({ queryClient, formRef, buttonRef, onSignOut }: AccountBarProps) {
  const { t } = useLingui();
  const email = ELEMENT; // the message's name for the address
  const { data } = useSession(queryClient);
  if (data?.auth !== 'oidc') return null;
  return (
    <div className="kwe-account">
      <span className="kwe-account-name">
        {withElement(t`Signed in as ${email}`, <bdi dir="ltr">{data.email}</bdi>)}
      </span>
      <form ref={formRef} method="post" action="/auth/logout" onSubmit={onSignOut}>
        <button ref={buttonRef} type="submit" className="kwe-button kwe-small-button">
          {t`Sign out`}
        </button>
      </form>
    </div>
  );
}
