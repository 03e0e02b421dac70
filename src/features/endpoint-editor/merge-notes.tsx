import { useLingui } from '@lingui/react/macro';
import type { EndpointMerge } from './merge-changes';
import { ServerChangeList } from './server-change-list';
import type { Saved } from './use-endpoint-save';

/** Under the saved panel: what the save kept of changes saved elsewhere, or that none was needed. */
export function KeptChangesNote({ saved }: { saved: Saved }) {
  const { t } = useLingui();
  if (saved.kept.length === 0 && !saved.sentNothing) return null;
  return (
    <div className="kwe-note">
      {saved.sentNothing && (
        <p>{t`Nothing needed sending: the server already held your changes.`}</p>
      )}
      {saved.kept.length > 0 && (
        <>
          <p>{t`Changes saved elsewhere in the meantime were kept:`}</p>
          <ServerChangeList changes={saved.kept} />
        </>
      )}
    </div>
  );
}

/** Under the summary, before Save is pressed: what a save will ask about. */
export function ConflictPreview({ merge }: { merge: EndpointMerge }) {
  const { t } = useLingui();
  const url = merge.url.kind === 'conflict';
  const events = merge.events.kind === 'conflict';
  // Whole sentences: the subject changes the verb's form in some languages.
  return (
    <p className="kwe-summary-conflict">
      {url && events
        ? t`The URL and the events also changed elsewhere: saving asks whether to keep theirs or yours.`
        : url
          ? t`The URL also changed elsewhere: saving asks whether to keep theirs or yours.`
          : t`The events also changed elsewhere: saving asks whether to keep theirs or yours.`}
    </p>
  );
}
