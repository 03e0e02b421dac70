import { useEffect, useLayoutEffect } from 'react';
import { warnBeforeLeaving } from '../ui/leave-on-purpose';

/**
 * Tells whoever guards leaving (the app's Back and links) whether a form holds unsaved edits, and
 * has the browser warn before the tab is closed or reloaded while it does.
 */
export function useUnsavedGuard(dirty: boolean, onDirtyChange?: (dirty: boolean) => void) {
  // A layout effect: a Back pressed right after a keystroke already finds the edit known.
  useLayoutEffect(() => {
    onDirtyChange?.(dirty);
    // Leaving by other means than the form's own links (Back, a host's update) unmounts the
    // form: nothing unsaved is on screen any more.
    return () => onDirtyChange?.(false);
  }, [onDirtyChange, dirty]);
  useEffect(() => {
    if (!dirty) return;
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => window.removeEventListener('beforeunload', warnBeforeLeaving);
  }, [dirty]);
}
