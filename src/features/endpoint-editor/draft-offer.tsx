import { useLingui } from '@lingui/react/macro';

type DraftOfferProps = { onRestore: () => void; onDismiss: () => void };

export function DraftOffer({ onRestore, onDismiss }: DraftOfferProps) {
  const { t } = useLingui();
  return (
    <div className="kwe-note" role="region" aria-label={t`Unsaved changes`}>
      <p>
        {t`You have unsaved changes from earlier, made before this endpoint last changed on the server.`}
      </p>
      <div className="kwe-actions">
        <button type="button" className="kwe-button kwe-primary" onClick={onRestore}>
          {t`Restore unsaved changes`}
        </button>
        <button type="button" className="kwe-button" onClick={onDismiss}>
          {t`Dismiss`}
        </button>
      </div>
    </div>
  );
}
