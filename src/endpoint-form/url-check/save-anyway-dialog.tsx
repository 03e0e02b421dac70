import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef } from 'react';

type SaveAnywayDialogProps = {
  url: string;
  problem: string | null | undefined;
  onSaveAnyway: () => void;
  /** Also when the browser closes the dialog by itself. */
  onCancel: () => void;
};

/**
 * Asks before saving a URL whose last check failed. A modal <dialog>, as Delete's: the rest of
 * the page is inert while it is open, Escape cancels, and focus starts on Cancel.
 */
export function SaveAnywayDialog({ url, problem, onSaveAnyway, onCancel }: SaveAnywayDialogProps) {
  const { t } = useLingui();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    element.showModal();
    element.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, []);

  const why = (problem ?? t`it did not pass`).replace(/\.$/, '');

  // Closed before the caller moves focus: while the modal is open, the rest of the page is inert.
  const closeThen = (then: () => void) => () => {
    dialog.current?.close();
    then();
  };

  return (
    <dialog
      ref={dialog}
      className="kwe-modal"
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-why`}
      onCancel={(event) => {
        event.preventDefault(); // Escape: closed here, so focus goes back to Save
        closeThen(onCancel)();
      }}
      onClose={onCancel}
    >
      <h3 id={titleId}>{t`Save a URL that failed its check?`}</h3>
      <p id={`${titleId}-why`}>
        <Trans>
          The last check of{' '}
          <bdi className="kwe-break" dir="ltr">
            {url}
          </bdi>{' '}
          failed:{' '}
          <strong>
            <bdi>{why}</bdi>
          </strong>
          . Konpro’s deliveries to it fail until that is fixed.
        </Trans>
      </p>
      <div className="kwe-actions">
        <button type="button" className="kwe-button kwe-danger" onClick={closeThen(onSaveAnyway)}>
          {t`Save anyway`}
        </button>
        <button type="button" className="kwe-button" data-cancel="" onClick={closeThen(onCancel)}>
          {t`Cancel`}
        </button>
      </div>
    </dialog>
  );
}
