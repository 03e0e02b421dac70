type DraftOfferProps = { onRestore: () => void; onDismiss: () => void };

export function DraftOffer({ onRestore, onDismiss }: DraftOfferProps) {
  return (
    <div className="kwe-note" role="region" aria-label="Unsaved changes">
      <p>
        You have unsaved changes from earlier, made before this endpoint last changed on the server.
      </p>
      <div className="kwe-actions">
        <button type="button" className="kwe-button kwe-primary" onClick={onRestore}>
          Restore unsaved changes
        </button>
        <button type="button" className="kwe-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
