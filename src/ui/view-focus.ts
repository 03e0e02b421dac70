import { createContext, useContext } from 'react';

/**
 * After an in-app navigation, the new view's heading takes focus as soon as it appears, which may
 * be after its data has loaded. Back on the list, the link of the endpoint just left takes it
 * instead, so the admin continues where they were. On first load nothing is focused: the page is
 * where the admin is, and inside a host portal the editor must not pull focus or scroll the page.
 */
export class ViewFocus {
  #pending = false;
  #returnTo: string | null = null;

  request(returnTo: string | null = null) {
    this.#pending = true;
    this.#returnTo = returnTo;
  }

  /** The endpoint whose link is to take focus, while a request for it is pending. */
  get returnTo(): string | null {
    return this.#pending ? this.#returnTo : null;
  }

  claim(element: HTMLElement) {
    if (!this.#pending) return;
    this.#pending = false;
    this.#returnTo = null;
    element.focus();
  }
}

export const ViewFocusContext = createContext(new ViewFocus());

export function useViewFocus(): ViewFocus {
  return useContext(ViewFocusContext);
}

/** A ref for the view's heading; `when` false lets something else claim focus first. */
export function useViewHeadingRef(when = true) {
  const focus = useContext(ViewFocusContext);
  return (heading: HTMLHeadingElement | null) => {
    if (heading && when) focus.claim(heading);
  };
}
