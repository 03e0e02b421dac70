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
export function LeaveDialog({
  onLeave,
  onStay,
  title = 'Leave without saving?',
  children = 'Your unsaved changes stay in this tab as a draft and come back when you return.',
  leaveLabel = 'Leave',
}: LeaveDialogProps) {
  const titleId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => stayRef.current?.focus(), []);
  return (
    <div
      className="kwe-note kwe-dialog"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onStay();
      }}
    >
      <p id={titleId} className="kwe-banner-title">
        {title}
      </p>
      <p>{children}</p>
      <div className="kwe-actions">
        <button ref={stayRef} type="button" className="kwe-button kwe-primary" onClick={onStay}>
          Stay and keep editing
        </button>
        <button type="button" className="kwe-button" onClick={onLeave}>
          {leaveLabel}
        </button>
      </div>
    </div>
  );
}
