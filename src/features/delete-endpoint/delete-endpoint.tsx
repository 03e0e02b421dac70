import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { forgetEndpoint, useDeleteEndpoint } from '../../api/endpoint-writes';
import type { Endpoint } from '../../../contract/schemas';
import { asciiUrl } from '../../../contract/ascii-url';
import { ReadsAs } from '../../ui/reads-as';
import { ErrorBanner } from '../../ui/error-banner';
import { type ActionFailure, describeActionFailure } from '../../api/action-failure';
import { clearDraft } from '../../drafts/draft-storage';
import { useEditorEvents } from '../../api/editor-events';

type DeleteEndpointProps = {
  endpoint: Endpoint;
  /** The form holds edits that the delete will drop. */
  unsaved: boolean;
  onDeleted: (endpoint: Endpoint, alreadyGone: boolean) => void;
};

/** "Delete endpoint", and the modal dialog that asks first. */
export function DeleteEndpoint({ endpoint, unsaved, onDeleted }: DeleteEndpointProps) {
  const { t, i18n } = useLingui();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const remove = useDeleteEndpoint();
  const sending = useRef(false);
  const queryClient = useQueryClient();
  const client = useApiClient();
  const { onError } = useEditorEvents();
  const count = endpoint.events.length;

  // A modal <dialog>: the rest of the page is inert while it is open, Escape cancels, and focus
  // starts on Cancel (the safe choice) and returns to the opener when it closes.
  useEffect(() => {
    const element = dialog.current;
    if (!open || element === null) return;
    element.showModal();
    element.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, [open]);

  const close = () => {
    if (sending.current) return; // the request is on its way: its outcome decides
    // Closed before focusing: while the modal is open, the opener is inert and cannot take focus.
    dialog.current?.close();
    opener.current?.focus();
    setOpen(false);
    setFailure(null);
  };

  // A promise rather than mutate's callbacks: those are skipped once this view is gone, and what
  // follows a delete (the draft dropped, the cache and the host told) must happen regardless.
  const confirm = async () => {
    // The guard is a ref, not isPending: a second press can come before the mutation's state
    // reaches this render.
    if (sending.current) return;
    sending.current = true;
    setFailure(null);
    try {
      const { alreadyGone } = await remove.mutateAsync(endpoint.endpoint_id);
      clearDraft(endpoint.endpoint_id);
      // The view moves to the list first; the cache drops the endpoint after that render, so the
      // editor never shows it as deleted elsewhere.
      onDeleted(endpoint, alreadyGone);
      forgetEndpoint(queryClient, client, endpoint.endpoint_id);
    } catch (error) {
      sending.current = false;
      onError?.(error);
      setFailure(describeActionFailure(error, 'delete', navigator.onLine, Date.now()));
    }
  };

  return (
    <div className="kwe-danger-zone">
      <button
        ref={opener}
        type="button"
        className="kwe-button kwe-danger"
        aria-haspopup="dialog"
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {t`Delete endpoint`}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="kwe-modal"
          aria-labelledby={titleId}
          aria-describedby={`${titleId}-url ${titleId}-effect`}
          onCancel={(event) => {
            event.preventDefault(); // Escape: closed here, so focus goes back to the opener
            close();
          }}
          // The browser may close it anyway (a second Escape while a delete is on its way).
          onClose={() => {
            setOpen(false);
            setFailure(null);
          }}
        >
          <h3 id={titleId}>{t`Delete this endpoint?`}</h3>
          <p id={`${titleId}-url`}>
            <bdi className="kwe-break" dir="ltr">
              <strong>{asciiUrl(endpoint.url)}</strong>
            </bdi>
            <ReadsAs url={endpoint.url} />
          </p>
          <p>
            {count === 0
              ? t`It receives all events, including types added later.`
              : t`It receives ${plural(count, { one: '# event type', other: '# event types' })}.`}
          </p>
          <p id={`${titleId}-effect`}>
            {t`Konpro stops sending events to it at once, and the deletion cannot be undone. Its signing secret stops working too.`}
          </p>
          {unsaved && <p>{t`The unsaved changes on this page are dropped with it.`}</p>}
          {failure && (
            <ErrorBanner
              {...failure}
              title={i18n._(failure.title)}
              advice={i18n._(failure.advice)}
              autoFocus
            />
          )}
          <div className="kwe-actions">
            <button
              type="button"
              className="kwe-button kwe-danger"
              onClick={() => void confirm()}
              disabled={remove.isPending}
              aria-busy={remove.isPending || undefined}
            >
              {remove.isPending ? t`Deleting…` : t`Delete`}
            </button>
            <button
              type="button"
              className="kwe-button"
              data-cancel=""
              onClick={close}
              disabled={remove.isPending}
            >
              {t`Cancel`}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
