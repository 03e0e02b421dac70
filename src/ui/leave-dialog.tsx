import { useLingui } from '@lingui/react/macro';
import { type ReactNode, useEffect, useId, useRef } from 'react';

type LeaveDialogProps = {
  onLeave: () => void;
  onStay: () => void;
  title?: string;
  /** What happens to the unsaved edits on the way out. */
  children?: ReactNode;
  leaveLabel?: string;
};

/** Asks before in-app navigation drops the view of unsaved edits (they stay as a draft). */
export function LeaveDialog({ onLeave, onStay, title, children, leaveLabel }: LeaveDialogProps) {
  const { t } = useLingui();
  const titleId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  // The control that asked (a link, Sign out, the field last typed in before Back) gets focus
  // back on Stay: read before Stay takes it, from the dialog's own root (the embed's shadow root,
  // or the document), so it is the element itself and not the embed's host.
  const asker = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const root = stayRef.current?.getRootNode() as DocumentOrShadowRoot | undefined;
    asker.current ??= root?.activeElement as HTMLElement | null; // it had focus: it can again
    stayRef.current?.focus();
  }, []);
  const stay = () => {
    asker.current?.focus(); // a no-op when it has gone meanwhile
    onStay();
  };
  return (
    <div
      className="kwe-note kwe-dialog"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') stay();
      }}
    >
      <p id={titleId} className="kwe-banner-title">
        {title ?? t`Leave without saving?`}
      </p>
      <p>
        {children ??
          t`Your unsaved changes stay in this tab as a draft and come back when you return.`}
      </p>
      <div className="kwe-actions">
        <button ref={stayRef} type="button" className="kwe-button kwe-primary" onClick={stay}>
          {t`Stay and keep editing`}
        </button>
        <button type="button" className="kwe-button" onClick={onLeave}>
          {leaveLabel ?? t`Leave`}
        </button>
      </div>
    </div>
  );
}
