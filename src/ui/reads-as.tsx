import { readableUrl } from './readable-url';

/** After a URL shown in its exact (ASCII) form: how it reads, when that differs and is safe. */
export function ReadsAs({ url }: { url: string }) {
  const readable = readableUrl(url);
  return (
    readable !== null && (
      <span className="kwe-reads-as kwe-muted">
        {' '}
        (reads as <bdi className="kwe-break">{readable}</bdi>)
      </span>
    )
  );
}
