import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { useUpdateEndpoint } from '../../api/endpoints';
import type { Endpoint } from '../../api/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { sameValues } from './draft-storage';
import { DraftOffer } from './draft-offer';
import { useEditorEvents } from './editor-events';
import { EventChecklist } from './event-checklist';
import {
  type EndpointFormValues,
  buildPatch,
  endpointFormSchema,
  hasChanges,
  toFormValues,
} from './form-values';
import { type SaveFailure, describeSaveFailure } from './save-failure';
import { SavedPanel } from './saved-panel';
import { UrlField } from './url-field';
import { useDraft } from './use-draft';
import { useWaitUntil } from './use-wait-until';

type EndpointFormProps = {
  endpoint: Endpoint;
  catalog: string[];
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

export function EndpointForm({ endpoint, catalog, onBack, onDirtyChange }: EndpointFormProps) {
  const id = useId();
  const serverValues = useMemo(() => toFormValues(endpoint), [endpoint]);
  const draft = useDraft(endpoint.endpoint_id, serverValues);
  // Each save's answer gets a fresh panel, so a revealed secret is masked again.
  const [saved, setSaved] = useState<{ endpoint: Endpoint; count: number; focus: boolean } | null>(
    null,
  );
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const waitingToRetry = useWaitUntil(failure?.retryAt);
  const mutation = useUpdateEndpoint();
  const events = useEditorEvents();
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);
  // Validation is async, so two quick presses can both pass it before a re-render disables Save.
  const saving = useRef(false);

  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: draft.startValues,
    mode: 'onTouched',
  });
  const { register, control, formState, getValues, setValue, reset, setError } = form;
  const values = useWatch({ control }) as EndpointFormValues;
  const changed = hasChanges(buildPatch(endpoint, values));

  const { persist } = draft;
  useEffect(() => {
    persist(values);
  }, [persist, values]);
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

  const save = (submitted: EndpointFormValues) => {
    const body = buildPatch(endpoint, submitted);
    if (!hasChanges(body) || saving.current) return;
    saving.current = true;
    setFailure(null);
    mutation.mutate(body, {
      onSettled: () => {
        saving.current = false;
      },
      onSuccess: (result) => {
        // Edits made while the save was on its way stay; only an untouched form takes the
        // server's values, and only then does focus move to the result.
        const untouched = sameValues(getValues(), submitted);
        setSaved((previous) => ({
          endpoint: result,
          count: (previous?.count ?? 0) + 1,
          focus: untouched,
        }));
        if (untouched) {
          draft.clear();
          reset(toFormValues(result));
        }
        events.onSaved?.(result);
      },
      onError: (error) => {
        events.onError?.(error);
        if (isApiError(error) && isFormField(error.field)) {
          setError(error.field, { type: 'server', message: error.message }, { shouldFocus: true });
          return;
        }
        setFailure(describeSaveFailure(error, navigator.onLine, Date.now()));
      },
    });
  };

  // A field the server named gets focus from setError; a missing event choice has no input
  // registered with the form, so its first checkbox is focused here.
  const focusFirstInvalid = (errors: FieldErrors<EndpointFormValues>) => {
    if (errors.url || !errors.events) return;
    eventsFieldset.current
      ?.querySelector<HTMLInputElement>('.kwe-checklist input[type="checkbox"]')
      ?.focus();
  };

  const discard = () => {
    draft.clear();
    reset(serverValues);
    setFailure(null);
  };

  const eventsError = formState.errors.events?.message;

  return (
    <div className="kwe-editor-body">
      <p className="kwe-status-line" role="status">
        {saved && !changed ? 'Saved' : ''}
      </p>
      {draft.restored && changed && (
        <p className="kwe-note">Your unsaved changes from earlier were restored.</p>
      )}
      {draft.offered && (
        <DraftOffer
          onRestore={() => {
            if (draft.offered) reset(draft.offered.values, { keepDefaultValues: true });
            draft.closeOffer();
          }}
          onDismiss={() => {
            draft.clear();
            draft.closeOffer();
          }}
        />
      )}
      {saved && <SavedPanel key={saved.count} endpoint={saved.endpoint} autoFocus={saved.focus} />}
      {failure && (
        <ErrorBanner {...failure} autoFocus>
          {failure.gone && (
            <button type="button" className="kwe-button" onClick={onBack}>
              Show all endpoints
            </button>
          )}
        </ErrorBanner>
      )}

      <form
        className="kwe-form"
        noValidate
        onSubmit={(event) => void form.handleSubmit(save, focusFirstInvalid)(event)}
      >
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

        <ChangeSummary endpoint={endpoint} values={values} />

        <div className="kwe-actions kwe-form-actions">
          <button
            type="submit"
            className="kwe-button kwe-primary"
            disabled={!changed || mutation.isPending || formState.isSubmitting || waitingToRetry}
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
