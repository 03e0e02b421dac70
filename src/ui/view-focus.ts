import { createContext, useContext } from 'react';

/**
 * After an in-app navigation, the new view's heading takes focus as soon as it appears, which may
 * be after its data has loaded. On first load nothing is focused: the page is where the admin is,
 * and inside a host portal the editor must not pull focus or scroll the page.
 */
export class ViewFocus {
  #pending = false;

  request() {
    this.#pending = true;
  }

  claim(heading: HTMLElement) {
    if (!this.#pending) return;
    this.#pending = false;
    heading.focus();
  }
}

export const ViewFocusContext = createContext(new ViewFocus());

export function useViewHeadingRef() {
  const focus = useContext(ViewFocusContext);
  return (heading: HTMLHeadingElement | null) => {
    if (heading) focus.claim(heading);
  };
}
