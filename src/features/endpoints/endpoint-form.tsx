import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { failedBeforeSending, useRefreshEndpoints, useUpdateEndpoint } from '../../api/endpoints';
import type { Endpoint } from '../../api/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { sameValues } from './draft-storage';
import { DraftOffer } from './draft-offer';
import { useEditorEvents } from './editor-events';
import { EventChecklist } from './event-checklist';
import { type EndpointFormValues, endpointFormSchema, toFormValues } from './form-values';
import { MergeConflictAlert } from './merge-conflict-alert';
import { type SaveFailure, describeSaveFailure } from './save-failure';
import { type SavePlan, decideAgainst, planSave } from './save-plan';
import { SavedPanel } from './saved-panel';
import { ServerChangeList } from './server-change-list';
import { ServerChangeNotice } from './server-change-notice';
import { type EndpointView, type ServerChange, describeChanges } from './server-changes';
import { UrlField } from './url-field';
import { useDraft } from './use-draft';
import { useMergeBase } from './use-merge-base';
import { useServerNotice } from './use-server-notice';
import { useWaitUntil } from './use-wait-until';

type EndpointFormProps = {
  endpoint: Endpoint;
  catalog: string[];
  /** The endpoint is no longer in the server's list: deleted elsewhere. */
  gone?: boolean;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

type Saved = {
  endpoint: Endpoint;
  /** Each save's answer gets a fresh panel, so a revealed secret is masked again. */
  count: number;
  focus: boolean;
  /** Changes saved elsewhere since the form's base, which the save kept. */
  kept: ServerChange[];
  /** The server already held everything: no request was sent. */
  sentNothing: boolean;
};

const toView = (endpoint: Endpoint): EndpointView => ({
  ...toFormValues(endpoint),
  status: endpoint.status,
});

export function EndpointForm(props: EndpointFormProps) {
  const { endpoint, catalog, gone = false, onBack, onDirtyChange } = props;
  const id = useId();
  const endpointId = endpoint.endpoint_id;
  const server = useMemo(() => toFormValues(endpoint), [endpoint]);
  const draft = useDraft(endpointId, server);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [conflictShown, setConflictShown] = useState<{ focus: boolean } | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const waitingToRetry = useWaitUntil(failure?.retryAt);
  const mutation = useUpdateEndpoint<SavePlan>();
  const refresh = useRefreshEndpoints();
  const events = useEditorEvents();
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);
  // Validation is async, so two quick presses can both pass it before a re-render disables Save.
  const saving = useRef(false);

  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: draft.startValues,
    mode: 'onTouched',
  });
  const { register, control, formState, getValues, setValue, reset, setError, setFocus } = form;
  const values = useWatch({ control }) as EndpointFormValues;
  const sync = useMergeBase(draft.startBase, server, values, mutation.isPending, setValue);
  const notice = useServerNotice(toView(endpoint), mutation.isPending);
  // What a save would send now, against the latest values known from the server.
  const plan = planSave(endpointId, sync.base, server, values);
  const changed = plan.hasWork;
  // Shown once a save met it, for as long as the form still conflicts with the server.
  const conflict =
    conflictShown !== null && plan.merge.conflict && !plan.invalid ? plan.merge : null;

  const { persist } = draft;
  useEffect(() => {
    persist(values, sync.base);
  }, [persist, values, sync.base]);
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

  const save = (submitted: EndpointFormValues, base: EndpointFormValues) => {
    if (saving.current || !planSave(endpointId, base, server, submitted).hasWork) return;
    saving.current = true;
    setFailure(null);
    setReloaded(false);
    // The plan is made again against the endpoint as the server holds it right before writing.
    mutation.mutate(
      { endpointId, decide: decideAgainst(endpointId, base, submitted) },
      {
        onSettled: () => {
          saving.current = false;
        },
        onSuccess: ({ current, plan: sent, saved: result }) => {
          if (sent.merge.conflict) {
            setSaved(null);
            setConflictShown({ focus: true });
            notice.acknowledge(toView(current)); // the alert tells of it
            return;
          }
          const now = result ?? current;
          const nowValues = toFormValues(now);
          // Edits made while the save was on its way stay, measured from what was submitted; only
          // an untouched form takes the server's values, and only then does focus move.
          const untouched = sameValues(getValues(), submitted);
          setSaved((previous) => ({
            endpoint: now,
            count: (previous?.count ?? 0) + 1,
            focus: untouched,
            kept: describeChanges(base, toFormValues(current)),
            sentNothing: result === null,
          }));
          setConflictShown(null);
          notice.acknowledge(toView(now));
          if (untouched) {
            draft.clear();
            reset(nowValues);
            sync.rebase(nowValues, nowValues);
          } else {
            sync.rebase(submitted, nowValues);
          }
          if (result) events.onSaved?.(result);
        },
        onError: (error) => {
          // An earlier success no longer describes the endpoint next to a failure.
          setSaved(null);
          const nothingSent = failedBeforeSending(error);
          // A failed read is the list query's failure too, and reported to the host as such.
          if (!nothingSent) events.onError?.(error);
          if (isApiError(error) && isFormField(error.field)) {
            setError(
              error.field,
              { type: 'server', message: error.message },
              { shouldFocus: true },
            );
            return;
          }
          setFailure(describeSaveFailure(error, navigator.onLine, Date.now(), nothingSent));
        },
      },
    );
  };

  // A field the server named gets focus from setError; a missing event choice has no input
  // registered with the form, so its first checkbox is focused here.
  const focusFirstInvalid = (errors: FieldErrors<EndpointFormValues>) => {
    if (errors.url || !errors.events) return;
    focusEvents('.kwe-checklist input[type="checkbox"]');
  };
  const focusEvents = (selector: string) =>
    eventsFieldset.current?.querySelector<HTMLInputElement>(selector)?.focus();

  const submitWith = (base: EndpointFormValues) =>
    form.handleSubmit((submitted) => save(submitted, base), focusFirstInvalid);

  /** The base of the conflicting fields moves to the server's values: theirs are now seen. */
  const rebaseConflicts = () => {
    const next = { ...sync.base };
    if (plan.merge.url.kind === 'conflict') next.url = server.url;
    if (plan.merge.events.kind === 'conflict') {
      next.eventsMode = server.eventsMode;
      next.events = server.events;
    }
    sync.rebase(next, server);
    setConflictShown(null);
    return next;
  };

  const overwriteWithMine = () => void submitWith(rebaseConflicts())();

  const keepTheirs = () => {
    const { url, events: eventsMerge } = plan.merge;
    rebaseConflicts();
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    if (eventsMerge.kind === 'conflict') {
      setValue('eventsMode', server.eventsMode, options);
      setValue('events', server.events, options);
    }
    if (url.kind === 'conflict') {
      setValue('url', server.url, options);
      setFocus('url');
    } else {
      // After the checklist has rendered the server's choice.
      requestAnimationFrame(() => focusEvents('input[type="radio"]:checked'));
    }
  };

  const discard = () => {
    draft.clear();
    reset(server);
    sync.rebase(server, server);
    notice.acknowledge();
    setFailure(null);
    setConflictShown(null);
    setReloaded(false);
  };

  const reload = async () => {
    setReloading(true);
    try {
      await refresh();
      setFailure(null);
      setReloaded(true);
    } catch (error) {
      setFailure({
        title: 'The endpoint could not be reloaded',
        advice: `${isApiError(error) ? error.message : 'An unexpected error happened.'} Your edits are kept.`,
        requestId: isApiError(error) ? error.requestId : undefined,
        reload: true,
      });
    } finally {
      setReloading(false);
    }
  };

  const eventsError = formState.errors.events?.message;
  const showNotice = notice.changes.length > 0 || reloaded;

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
            if (draft.offered) {
              reset(draft.offered.values, { keepDefaultValues: true });
              sync.rebase(draft.offered.base, server);
            }
            draft.closeOffer();
          }}
          onDismiss={() => {
            draft.clear();
            draft.closeOffer();
          }}
        />
      )}
      {saved && <SavedPanel key={saved.count} endpoint={saved.endpoint} autoFocus={saved.focus} />}
      {saved && (saved.kept.length > 0 || saved.sentNothing) && (
        <div className="kwe-note">
          {saved.sentNothing && (
            <p>Nothing needed sending: the server already held your changes.</p>
          )}
          {saved.kept.length > 0 && (
            <>
              <p>Changes saved elsewhere in the meantime were kept:</p>
              <ServerChangeList changes={saved.kept} />
            </>
          )}
        </div>
      )}
      {conflict && (
        <MergeConflictAlert
          merge={conflict}
          busy={mutation.isPending}
          autoFocus={conflictShown?.focus ?? false}
          onOverwrite={overwriteWithMine}
          onKeepTheirs={keepTheirs}
        />
      )}
      {failure && (
        <ErrorBanner {...failure} autoFocus>
          {failure.reload && (
            <button
              type="button"
              className="kwe-button"
              onClick={() => void reload()}
              disabled={reloading}
              aria-busy={reloading || undefined}
            >
              {reloading ? 'Reloading…' : 'Reload endpoint'}
            </button>
          )}
          {failure.gone && (
            <button type="button" className="kwe-button" onClick={onBack}>
              Show all endpoints
            </button>
          )}
        </ErrorBanner>
      )}

      <form className="kwe-form" noValidate onSubmit={(event) => void submitWith(sync.base)(event)}>
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
            {showNotice && (
              <ServerChangeNotice
                changes={notice.changes}
                form={
                  plan.merge.conflict
                    ? 'conflicts'
                    : sameValues(values, server)
                      ? 'follows'
                      : 'keeps-edits'
                }
                reloaded={reloaded}
                onDismiss={() => {
                  notice.acknowledge();
                  setReloaded(false);
                }}
              />
            )}
          </div>
          <ChangeSummary endpoint={endpoint} values={plan.preview} />
          {plan.merge.conflict && !plan.invalid && (
            <p className="kwe-summary-conflict">
              {plan.merge.url.kind === 'conflict' ? 'The URL' : 'The events'}
              {plan.merge.url.kind === 'conflict' && plan.merge.events.kind === 'conflict'
                ? ' and the events'
                : ''}{' '}
              also changed elsewhere: saving asks whether to keep theirs or yours.
            </p>
          )}
        </div>

        <div className="kwe-actions kwe-form-actions">
          <button
            type="submit"
            className="kwe-button kwe-primary"
            disabled={
              !changed || gone || mutation.isPending || formState.isSubmitting || waitingToRetry
            }
            aria-busy={mutation.isPending || undefined}
          >
            {mutation.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="kwe-button"
            onClick={discard}
            disabled={!changed || mutation.isPending}
          >
            Discard changes
          </button>
        </div>
      </form>
    </div>
  );
}

function isFormField(field: string | undefined): field is 'url' | 'events' {
  return field === 'url' || field === 'events';
}
