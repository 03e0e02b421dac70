// An element inside a message, without <Trans> (which the list page does not carry): the message
// holds ELEMENT where the element goes, so each language puts it where its grammar wants it.
import type { ReactNode } from 'react';

/** Stands for the element in a message; no translation contains it. */
export const ELEMENT = '\u2060\u2060';

/** `message` with `element` where it says ELEMENT (the message alone when it does not). */
export function withElement(message: string, element: ReactNode): ReactNode {
  const at = message.indexOf(ELEMENT);
  if (at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      {element}
      {message.slice(at + ELEMENT.length)}
    </>
  );
}
