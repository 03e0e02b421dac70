import { zodResolver } from '@hookform/resolvers/zod';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Endpoint } from '../../../contract/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { DraftOffer } from './draft-offer';
import { EndpointFields } from '../../endpoint-form/endpoint-fields';
import type { CatalogError } from '../../endpoint-form/events-field';
import { useUrlCheck } from '../../endpoint-form/url-check/use-url-check';
import { useUrlRule } from '../../endpoint-form/url-rule';
import {
  type EndpointFormValues,
  endpointFormSchema,
  normalUrl,
  toFormValues,
  urlChanged,
} from '../../endpoint-form/form-values';
import { MergeConflictAlert } from './merge-conflict-alert';
import { ConflictPreview, KeptChangesNote } from './merge-notes';
import { SavedPanel } from './saved-panel';
import { useConflictActor } from './use-conflict-actor';
import { ServerChangeNotice } from './server-change-notice';
import { useBarClearance } from '../../endpoint-form/use-bar-clearance';
import { useDraft } from './use-draft';
import { useEndpointSave } from './use-endpoint-save';
import { useUnsavedGuard } from '../../endpoint-form/use-unsaved-guard';

type EndpointFormProps = {
  endpoint: Endpoint;
  /** The event types to choose from; null when they could not be loaded. */
  catalog: string[] | null;
  catalogError?: CatalogError | null | undefined;
  /** The endpoint is no longer in the server's list: deleted elsewhere. */
  gone?: boolean;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** Whether the panel of what the server saved (which holds the secret's control) shows. */
  onSavedPanel?: ((shown: boolean) => void) | undefined;
};

/**
 * Memoised: what the editor around it renders (the dirty flag it is told of on the first
 * keystroke, the code below the form arriving) does not render the form again.
 */
export const EndpointForm = memo(function EndpointForm(props: EndpointFormProps) {
  const { endpoint, catalog, catalogError = null, gone = false, onBack, onDirtyChange } = props;
  const { onSavedPanel } = props;
  const { t } = useLingui();
  const id = useId();
  const serverValues = useMemo(() => toFormValues(endpoint), [endpoint]);
  const draft = useDraft(endpoint.endpoint_id, serverValues);
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);
  const summary = useRef<HTMLElement>(null);
  const { formRef, barRef } = useBarClearance();
  const saveButton = useRef<HTMLButtonElement>(null);
  const rule = useUrlRule();

  const resolver = useMemo(() => zodResolver(endpointFormSchema(rule)), [rule]);
  const form = useForm<EndpointFormValues>({
    resolver,
    defaultValues: draft.startValues,
    mode: 'onTouched',
  });
  const { control, formState } = form;
  // One subscription per field: a keystroke in the URL leaves the events array as it was, so the
  // checklist (1,000 boxes in a big account) need not render again, and a tick leaves the URL.
  const url = useWatch({ control, name: 'url' });
  const eventsMode = useWatch({ control, name: 'eventsMode' });
  const events = useWatch({ control, name: 'events' });
  const values = useMemo(() => ({ url, eventsMode, events }), [url, eventsMode, events]);
  const focusEvents = (selector: string) =>
    eventsFieldset.current?.querySelector<HTMLInputElement>(selector)?.focus();
  const flow = useEndpointSave({ endpoint, form, values, draft, focusEvents });
  const { plan, changed, saved, failure, conflict } = flow;
  const { secondsToRetry } = flow;
  const actor = useConflictActor(endpoint.endpoint_id, conflict);
  const urlIsNew = urlChanged(endpoint, values);
  const check = useUrlCheck({ form, values, catalog, urlIsNew, saveButton });

  const skipTo = useMemo(
    () => ({ href: `#${id}-summary`, focus: () => summary.current?.focus() }),
    [id],
  );

  useUnsavedGuard(changed, onDirtyChange);
  const panelShown = saved !== null;
  useEffect(() => onSavedPanel?.(panelShown), [onSavedPanel, panelShown]);

  return (
    <div className="kwe-editor-body">
      <p className="kwe-status-line" role="status">
        {saved && !changed ? t`Saved` : ''}
        {/* Keep theirs saves nothing: say what is left to save, if anything. */}
        {flow.keptTheirs &&
          (changed ? t`Kept theirs. Your other edits are still unsaved.` : t`Kept theirs.`)}
      </p>
      {/* A failed save may already say the endpoint is gone: one banner is enough. */}
      {gone && !failure?.gone && (
        <ErrorBanner
          title={t`This endpoint no longer exists on the server`}
          advice={t`It may have been deleted elsewhere. Your edits are still on this page.`}
        >
          <button type="button" className="kwe-button" onClick={onBack}>
            {t`Show all endpoints`}
          </button>
        </ErrorBanner>
      )}
      {draft.restored && changed && (
        <p className="kwe-note">{t`Your unsaved changes from earlier were restored.`}</p>
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
      {saved && (
        <SavedPanel
          key={saved.count}
          // What the server holds now: the answer, until a later read of the list replaces it.
          endpoint={endpoint === saved.listed ? saved.endpoint : endpoint}
          secret={saved.endpoint.secret}
          catalog={catalog}
          autoFocus={saved.focus}
        />
      )}
      {saved && <KeptChangesNote saved={saved} />}
      {conflict && (
        <MergeConflictAlert
          merge={conflict}
          actor={actor}
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
              {flow.reloading ? t`Reloading…` : t`Reload endpoint`}
            </button>
          )}
          {failure.gone && (
            <button type="button" className="kwe-button" onClick={onBack}>
              {t`Show all endpoints`}
            </button>
          )}
        </ErrorBanner>
      )}

      <form
        ref={formRef}
        className="kwe-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // A changed URL whose last check failed is saved only once the admin says so.
          if (!check.confirmSave(() => void flow.submit())) void flow.submit(event);
        }}
      >
        <EndpointFields
          id={id}
          form={form}
          values={values}
          sentUrl={urlIsNew ? normalUrl(values.url) : values.url}
          catalog={catalog}
          catalogError={catalogError}
          fieldsetRef={eventsFieldset}
          skipTo={skipTo}
          urlCheck={check}
        />

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
          <ChangeSummary
            id={`${id}-summary`}
            sectionRef={summary}
            endpoint={endpoint}
            values={plan.preview}
            catalog={catalog}
          />
          {plan.merge.conflict && !plan.invalid && <ConflictPreview merge={plan.merge} />}
        </div>

        <div ref={barRef} className="kwe-actions kwe-form-actions">
          <button
            ref={saveButton}
            type="submit"
            className="kwe-button kwe-primary"
            disabled={
              !changed || gone || flow.pending || formState.isSubmitting || secondsToRetry > 0
            }
            aria-busy={flow.pending || undefined}
          >
            {flow.pending ? t`Saving…` : t`Save changes`}
          </button>
          <button
            type="button"
            className="kwe-button"
            onClick={flow.discard}
            disabled={!changed || flow.pending}
          >
            {t`Discard changes`}
          </button>
          {secondsToRetry > 0 && failure?.pausedBecause && (
            // Why Save is disabled, beside it. Not a live region: the banner has said it once.
            <p className="kwe-bar-note">
              {failure.pausedBecause === 'rate-limit'
                ? t`Konpro’s rate limit was reached: you can save again in ${plural(secondsToRetry, { one: '# s', other: '# s' })}.`
                : t`Konpro is unavailable: you can save again in ${plural(secondsToRetry, { one: '# s', other: '# s' })}.`}
            </p>
          )}
        </div>
        {check.dialog}
      </form>
    </div>
  );
});
