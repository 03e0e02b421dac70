import { useEffect, useId, useRef } from 'react';

type LeaveDialogProps = { onLeave: () => void; onStay: () => void };

/** Asks before in-app navigation drops the view of unsaved edits (they stay as a draft). */
export function LeaveDialog({ onLeave, onStay }: LeaveDialogProps) {
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
        Leave without saving?
      </p>
      <p>Your unsaved changes stay in this tab as a draft and come back when you return.</p>
      <div className="kwe-actions">
        <button ref={stayRef} type="button" className="kwe-button kwe-primary" onClick={onStay}>
          Stay and keep editing
        </button>
        <button type="button" className="kwe-button" onClick={onLeave}>
          Leave
        </button>
      </div>
    </div>
  );
}
