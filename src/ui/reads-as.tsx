import { Fragment, type ReactNode } from 'react';
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
export function ReadsAs({ url }: { url: string }) {
  const readable = readableUrl(url);
  return (
    readable !== null && (
      <span className="kwe-reads-as kwe-muted">
        {' '}
        (reads as <bdi className="kwe-break">{breakable(readable)}</bdi>)
      </span>
    )
  );
}
