import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Endpoint } from '../../api/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { DraftOffer } from './draft-offer';
import { EventChecklist } from './event-checklist';
import { type EndpointFormValues, endpointFormSchema, toFormValues } from './form-values';
import { MergeConflictAlert } from './merge-conflict-alert';
import { ConflictPreview, KeptChangesNote } from './merge-notes';
import { SavedPanel } from './saved-panel';
import { ServerChangeNotice } from './server-change-notice';
import { UrlField } from './url-field';
import { useDraft } from './use-draft';
import { useEndpointSave } from './use-endpoint-save';

type EndpointFormProps = {
  endpoint: Endpoint;
  catalog: string[];
  /** The endpoint is no longer in the server's list: deleted elsewhere. */
  gone?: boolean;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

export function EndpointForm(props: EndpointFormProps) {
  const { endpoint, catalog, gone = false, onBack, onDirtyChange } = props;
  const id = useId();
  const serverValues = useMemo(() => toFormValues(endpoint), [endpoint]);
  const draft = useDraft(endpoint.endpoint_id, serverValues);
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);

  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: draft.startValues,
    mode: 'onTouched',
  });
  const { register, control, formState, getValues, setValue } = form;
  const values = useWatch({ control }) as EndpointFormValues;
  const focusEvents = (selector: string) =>
    eventsFieldset.current?.querySelector<HTMLInputElement>(selector)?.focus();
  const flow = useEndpointSave({ endpoint, form, values, draft, focusEvents });
  const { plan, changed, saved, failure, conflict } = flow;

  useEffect(() => {
    onDirtyChange?.(changed);
    // Leaving by other means than the editor's own links (Back, a host's update) unmounts the
    // form: nothing unsaved is on screen any more.
    return () => onDirtyChange?.(false);
  }, [onDirtyChange, changed]);
  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  const updateEvents = useCallback(
    (update: (current: string[]) => string[]) =>
      setValue('events', update(getValues('events')), {
        shouldDirty: true,
        shouldValidate: formState.isSubmitted,
      }),
    [getValues, setValue, formState.isSubmitted],
  );

  const eventsError = formState.errors.events?.message;

  return (
    <div className="kwe-editor-body">
      <p className="kwe-status-line" role="status">
        {saved && !changed ? 'Saved' : ''}
      </p>
      {/* A failed save may already say the endpoint is gone: one banner is enough. */}
      {gone && !failure?.gone && (
        <ErrorBanner
          title="This endpoint no longer exists on the server"
          advice="It may have been deleted elsewhere. Your edits are still on this page."
        >
          <button type="button" className="kwe-button" onClick={onBack}>
            Show all endpoints
          </button>
        </ErrorBanner>
      )}
      {draft.restored && changed && (
        <p className="kwe-note">Your unsaved changes from earlier were restored.</p>
      )}
      {draft.offered && (
        <DraftOffer
          onRestore={() => {
            if (draft.offered) flow.restoreDraft(draft.offered);
            draft.closeOffer();
          }}
          onDismiss={() => {
            draft.clear();
            draft.closeOffer();
          }}
        />
      )}
      {saved && <SavedPanel key={saved.count} endpoint={saved.endpoint} autoFocus={saved.focus} />}
      {saved && <KeptChangesNote saved={saved} />}
      {conflict && (
        <MergeConflictAlert
          merge={conflict}
          busy={flow.pending}
          autoFocus={flow.conflictFocus}
          onOverwrite={flow.overwriteWithMine}
          onKeepTheirs={flow.keepTheirs}
        />
      )}
      {failure && (
        <ErrorBanner {...failure} autoFocus>
          {failure.reload && (
            <button
              type="button"
              className="kwe-button"
              onClick={flow.reload}
              disabled={flow.reloading}
              aria-busy={flow.reloading || undefined}
            >
              {flow.reloading ? 'Reloading…' : 'Reload endpoint'}
            </button>
          )}
          {failure.gone && (
            <button type="button" className="kwe-button" onClick={onBack}>
              Show all endpoints
            </button>
          )}
        </ErrorBanner>
      )}

      <form className="kwe-form" noValidate onSubmit={(event) => void flow.submit(event)}>
        <UrlField
          id={`${id}-url`}
          registration={register('url')}
          value={values.url}
          error={formState.errors.url?.message}
        />

        <fieldset
          ref={eventsFieldset}
          className="kwe-field kwe-events-field"
          aria-invalid={eventsError ? true : undefined}
          aria-describedby={eventsError ? `${id}-events-error` : undefined}
        >
          <legend>Events</legend>
          <div className="kwe-radios">
            <label className="kwe-radio">
              <input type="radio" value="all" {...register('eventsMode')} />
              <span>
                All events
                <span className="kwe-muted"> (including types added later)</span>
              </span>
            </label>
            <label className="kwe-radio">
              <input type="radio" value="selected" {...register('eventsMode')} />
              <span>Selected events</span>
            </label>
          </div>
          {eventsError && (
            <p id={`${id}-events-error`} className="kwe-error" role="alert">
              {eventsError}
            </p>
          )}
          {values.eventsMode === 'selected' && (
            <EventChecklist catalog={catalog} selected={values.events} onChange={updateEvents} />
          )}
        </fieldset>

        {/* Changes made elsewhere are told next to the summary, where an admin looks before
            saving; the live region is always there, so screen readers announce what appears. */}
        <div className="kwe-summary-block">
          <div role="status" className="kwe-live">
            {(flow.notice.changes.length > 0 || flow.notice.reloaded) && (
              <ServerChangeNotice
                changes={flow.notice.changes}
                form={flow.notice.form}
                reloaded={flow.notice.reloaded}
                onDismiss={flow.notice.dismiss}
              />
            )}
          </div>
          <ChangeSummary endpoint={endpoint} values={plan.preview} />
          {plan.merge.conflict && !plan.invalid && <ConflictPreview merge={plan.merge} />}
        </div>

        <div className="kwe-actions kwe-form-actions">
          <button
            type="submit"
            className="kwe-button kwe-primary"
            disabled={
              !changed || gone || flow.pending || formState.isSubmitting || flow.waitingToRetry
            }
            aria-busy={flow.pending || undefined}
          >
            {flow.pending ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="kwe-button"
            onClick={flow.discard}
            disabled={!changed || flow.pending}
          >
            Discard changes
          </button>
        </div>
      </form>
    </div>
  );
}
