import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { useUpdateEndpoint } from '../../api/endpoints';
import type { Endpoint } from '../../api/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { sameValues } from './draft-storage';
import { DraftOffer } from './draft-offer';
import { useEditorEvents } from './editor-events';
import { type CatalogError, EventsField } from './events-field';
import {
  type EndpointFormValues,
  buildPatch,
  endpointFormSchema,
  hasChanges,
  normalUrl,
  toFormValues,
  urlChanged,
} from './form-values';
import { type SaveFailure, describeSaveFailure } from './save-failure';
import { SavedPanel } from './saved-panel';
import { UrlField } from './url-field';
import { useBarClearance } from './use-bar-clearance';
import { useDraft } from './use-draft';
import { useSecondsLeft } from './use-seconds-left';

type EndpointFormProps = {
  endpoint: Endpoint;
  /** The event types to choose from; null when they could not be loaded. */
  catalog: string[] | null;
  catalogError?: CatalogError | null | undefined;
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
};

export function EndpointForm(props: EndpointFormProps) {
  const { endpoint, catalog, catalogError = null, onBack, onDirtyChange } = props;
  const id = useId();
  const serverValues = useMemo(() => toFormValues(endpoint), [endpoint]);
  const draft = useDraft(endpoint.endpoint_id, serverValues);
  // Each save's answer gets a fresh panel, so a revealed secret is masked again.
  const [saved, setSaved] = useState<{ endpoint: Endpoint; count: number; focus: boolean } | null>(
    null,
  );
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const secondsToRetry = useSecondsLeft(failure?.retryAt, failure?.retryAfterSeconds);
  const mutation = useUpdateEndpoint();
  const events = useEditorEvents();
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);
  const summary = useRef<HTMLElement>(null);
  const { formRef, barRef } = useBarClearance();
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
  // A layout effect: whoever guards leaving (the Back button) knows of an edit before the next
  // event, however quickly it follows the keystroke.
  useLayoutEffect(() => {
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
  // registered with the form, so the first control of the event groups is focused here.
  const focusFirstInvalid = (errors: FieldErrors<EndpointFormValues>) => {
    if (errors.url || !errors.events) return;
    eventsFieldset.current
      ?.querySelector<HTMLElement>('.kwe-groups button, .kwe-groups input')
      ?.focus();
  };
  const putUrl = (url: string) =>
    setValue('url', url, { shouldDirty: true, shouldValidate: formState.isSubmitted });

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
      {saved && (
        <SavedPanel
          key={saved.count}
          endpoint={saved.endpoint}
          catalog={catalog}
          autoFocus={saved.focus}
        />
      )}
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
        ref={formRef}
        className="kwe-form"
        noValidate
        onSubmit={(event) => void form.handleSubmit(save, focusFirstInvalid)(event)}
      >
        <UrlField
          id={`${id}-url`}
          registration={register('url', { setValueAs: (value: string) => value.trim() })}
          value={values.url}
          sent={urlChanged(endpoint, values) ? normalUrl(values.url) : values.url}
          error={formState.errors.url?.message}
          onTrim={putUrl}
        />

        <EventsField
          id={id}
          fieldsetRef={eventsFieldset}
          modeRegistration={register('eventsMode')}
          mode={values.eventsMode}
          events={values.events}
          catalog={catalog}
          catalogError={catalogError}
          error={eventsError}
          onChange={updateEvents}
          skipTo={{ href: `#${id}-summary`, focus: () => summary.current?.focus() }}
        />

        <ChangeSummary
          id={`${id}-summary`}
          ref={summary}
          endpoint={endpoint}
          values={values}
          catalog={catalog}
        />

        <div ref={barRef} className="kwe-actions kwe-form-actions">
          <button
            type="submit"
            className="kwe-button kwe-primary"
            disabled={
              !changed || mutation.isPending || formState.isSubmitting || secondsToRetry > 0
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
          {secondsToRetry > 0 && failure?.pausedBecause && (
            // Why Save is disabled, beside it. Not a live region: the banner has said it once.
            <p className="kwe-bar-note">
              {failure.pausedBecause}: you can save again in {secondsToRetry} s.
            </p>
          )}
        </div>
      </form>
    </div>
  );
}

function isFormField(field: string | undefined): field is 'url' | 'events' {
  return field === 'url' || field === 'events';
}
