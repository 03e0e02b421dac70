import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { ServerChangeList } from './server-change-list';
import type { ServerChange } from './server-changes';

type ServerChangeNoticeProps = {
  changes: ServerChange[];
  /** What the change means for the form: it follows, keeps edits, or holds a conflict. */
  form: 'follows' | 'keeps-edits' | 'conflicts';
  /** After Reload endpoint: say so even when nothing changed, and take focus from the banner. */
  reloaded: boolean;
  onDismiss: () => void;
};

const AFTER: Record<ServerChangeNoticeProps['form'], MessageDescriptor> = {
  follows: msg`The form shows the new values.`,
  'keeps-edits': msg`Your edits are kept on top of it; what you had not changed shows the new values.`,
  conflicts: msg`Your edits are untouched, but part of them conflicts with this: saving asks which to keep.`,
};

/** A change made elsewhere, told quietly: the admin's input is never touched by it. */
export function ServerChangeNotice({
  changes,
  form,
  reloaded,
  onDismiss,
}: ServerChangeNoticeProps) {
  const { t, i18n } = useLingui();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reloaded) ref.current?.focus();
  }, [reloaded]);
  return (
    <div ref={ref} className="kwe-note kwe-server-change" tabIndex={-1}>
      {changes.length === 0 ? (
        <p>{t`Reloaded: nothing changed on the server. Your edits are kept.`}</p>
      ) : (
        <>
          <p>{t`This endpoint changed on the server:`}</p>
          <ServerChangeList changes={changes} />
          <p>{i18n._(AFTER[form])}</p>
        </>
      )}
      <div className="kwe-actions">
        <button type="button" className="kwe-button" onClick={onDismiss}>
          {t`Got it`}
        </button>
      </div>
    </div>
  );
}
