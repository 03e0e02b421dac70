import { useLingui } from '@lingui/react/macro';
import { Fragment, type ReactNode, createContext, useContext } from 'react';
import { ELEMENT, withElement } from '../i18n/with-element';

/** How a URL reads, when that differs from its exact form and is safe: readableUrl (readable-url.ts). */
export type ReadUrl = (url: string) => string | null;

/**
 * readableUrl, once its code is here. It comes with the editor's chunk (src/app/editor-app.tsx),
 * so the list can show its rows before that code (punycode.js included) is loaded: until then
 * they show the exact URL, which is all most URLs have to show.
 */
export const ReadUrlContext = createContext<ReadUrl | undefined>(undefined);

/**
 * A URL with a line-break opportunity after each `/`, `.`, `?` and `&`, so a line ends between
 * its parts and a word is only cut when a part alone is wider than the line.
 */
export function breakable(url: string): ReactNode {
  return url.split(/(?<=[/.?&])/).map((part, at) => (
    <Fragment key={at}>
      {at > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** After a URL shown in its exact (ASCII) form: how it reads, when that differs and is safe. */
export function ReadsAs({ url: exact }: { url: string }) {
  const { t } = useLingui();
  const readable = useContext(ReadUrlContext)?.(exact) ?? null;
  const url = ELEMENT; // the message's name for the readable URL
  return (
    readable !== null && (
      <span className="kwe-reads-as kwe-muted">
        {' '}
        {withElement(
          t`(reads as ${url})`,
          <bdi className="kwe-break" dir="ltr">
            {breakable(readable)}
          </bdi>,
        )}
      </span>
    )
  );
}
