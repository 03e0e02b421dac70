import { type SyntheticEvent, useRef, useState } from 'react';
import { dropAllDrafts, hasDraftsOf } from '../drafts/draft-storage';
import { leaveOnPurpose } from '../ui/leave-on-purpose';

/**
 * Signing out drops every draft of the tab, so whoever signs in next on it finds none. With
 * unsaved edits (on screen, or drafts left on other endpoints) the app asks first in its own
 * dialog; once confirmed, the browser's "leave this page?" has nothing left to ask about.
 */
export function useSignOut(owner: string | null, unsavedOnScreen: () => boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    if (unsavedOnScreen() || hasDraftsOf(owner)) {
      event.preventDefault();
      setAsking(true);
    } else {
      dropAllDrafts();
    }
  };
  const confirm = () => {
    setAsking(false);
    dropAllDrafts();
    leaveOnPurpose();
    formRef.current?.submit(); // submit(), unlike requestSubmit(), does not ask again
  };
  const stay = () => {
    setAsking(false);
    buttonRef.current?.focus();
  };
  return { formRef, buttonRef, onSubmit, asking, confirm, stay };
}
