import { useLingui } from '@lingui/react/macro';
import { Fragment, type ReactNode } from 'react';
import { ELEMENT, withElement } from '../i18n/with-element';
import { readableUrl } from './readable-url';

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
  const readable = readableUrl(exact);
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
