import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Queries inside the editor that `host` holds in its shadow root. */
export function editorIn(host: Element) {
  const container = host.shadowRoot?.firstElementChild;
  if (!(container instanceof HTMLElement)) throw new Error('no editor in this element');
  return within(container);
}

/**
 * Types `text` over a field's whole value. user-event prepares a field when it hears focus at the
 * document, which a move between two elements of one shadow root never reaches: focus leaves the
 * editor first. And user.clear() looks for focus on the document, not in the shadow root.
 */
export async function typeOver(user: UserEvent, field: HTMLInputElement, text: string) {
  await user.click(field.ownerDocument.body);
  await user.type(field, text, {
    initialSelectionStart: 0,
    initialSelectionEnd: field.value.length,
  });
}
