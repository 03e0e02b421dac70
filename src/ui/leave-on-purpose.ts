// Some ways off the page keep every unsaved edit: "Sign in again" leaves for the provider and
// comes back to the same tab, where drafts wait in session storage. Those say so here, and the
// forms' "leave this page?" warnings stay quiet for them.

let onPurpose = false;

/** The page is about to be left on purpose, with drafts kept: no warning is needed. */
export function leaveOnPurpose() {
  onPurpose = true;
}

/** A beforeunload listener that asks the browser to warn, unless the page is left on purpose. */
export function warnBeforeLeaving(event: BeforeUnloadEvent) {
  if (!onPurpose) event.preventDefault();
}
