import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { useUpdateEndpoint } from '../../api/endpoints';
import type { Endpoint } from '../../api/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { ChangeSummary } from './change-summary';
import { type Draft, clearDraft, readDraft, sameValues, writeDraft } from './draft-storage';
import { EventChecklist } from './event-checklist';
import {
  type EndpointFormValues,
  buildPatch,
  endpointFormSchema,
  hasChanges,
  toFormValues,
} from './form-values';
import { SavedPanel } from './saved-panel';

type EndpointFormProps = { endpoint: Endpoint; catalog: string[] };

export function EndpointForm({ endpoint, catalog }: EndpointFormProps) {
  const id = useId();
  const serverValues = useMemo(() => toFormValues(endpoint), [endpoint]);
  // A draft made from the values the server still holds comes back by itself; one made from
  // values that have changed since is only offered, so nobody overwrites a colleague unknowingly.
  const [initial] = useState(() => initialDraftState(endpoint.endpoint_id, serverValues));
  const [offeredDraft, setOfferedDraft] = useState(initial.offered);
  const [saved, setSaved] = useState<Endpoint | null>(null);
  const mutation = useUpdateEndpoint();

  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: initial.restored?.values ?? serverValues,
    mode: 'onTouched',
  });
  const { register, control, formState, getValues, setValue, reset, setError } = form;
  const values = useWatch({ control }) as EndpointFormValues;
  const patch = buildPatch(endpoint, values);
  const changed = hasChanges(patch);

  useEffect(() => {
    const endpointId = endpoint.endpoint_id;
    if (offeredDraft) return; // do not overwrite a draft the admin has not decided on yet
    if (sameValues(values, serverValues)) clearDraft(endpointId);
    else writeDraft(endpointId, serverValues, values);
  }, [endpoint.endpoint_id, offeredDraft, serverValues, values]);

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

  const onSubmit = form.handleSubmit((submitted) => {
    const body = buildPatch(endpoint, submitted);
    if (!hasChanges(body) || mutation.isPending) return;
    setSaved(null);
    mutation.mutate(body, {
      onSuccess: (result) => {
        setSaved(result);
        // Edits made while the save was on its way stay; only an untouched form takes the
        // server's values.
        if (sameValues(getValues(), submitted)) {
          clearDraft(result.endpoint_id);
          reset(toFormValues(result));
        }
      },
      onError: (error) => {
        if (isApiError(error) && isFormField(error.field)) {
          setError(error.field, { type: 'server', message: error.message }, { shouldFocus: true });
        }
      },
    });
  });

  const discard = () => {
    clearDraft(endpoint.endpoint_id);
    reset(serverValues);
    mutation.reset();
  };

  const urlError = formState.errors.url?.message;
  const eventsError = formState.errors.events?.message;
  const onField = isApiError(mutation.error) && isFormField(mutation.error.field);
  const bannerError = mutation.error && !onField ? mutation.error : null;

  return (
    <div className="kwe-editor-body">
      <p className="kwe-status-line" role="status">
        {saved && !changed ? 'Saved' : ''}
      </p>
      {initial.restored && changed && (
        <p className="kwe-note">Your unsaved changes from earlier were restored.</p>
      )}
      {offeredDraft && (
        <DraftOffer
          onRestore={() => {
            reset(offeredDraft.values, { keepDefaultValues: true });
            setOfferedDraft(null);
          }}
          onDismiss={() => {
            clearDraft(endpoint.endpoint_id);
            setOfferedDraft(null);
          }}
        />
      )}
      {saved && <SavedPanel key={saved.endpoint_id} endpoint={saved} />}
      {bannerError && <ErrorBanner error={bannerError} title="Your changes were not saved" />}

      <form className="kwe-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="kwe-field">
          <label htmlFor={`${id}-url`}>Endpoint URL</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${id}-url-error` : `${id}-url-hint`}
            {...register('url')}
          />
          {urlError ? (
            <p id={`${id}-url-error`} className="kwe-error" role="alert">
              {urlError}
            </p>
          ) : (
            <p id={`${id}-url-hint`} className="kwe-muted">
              An https:// address on the public internet that Konpro will call.
            </p>
          )}
        </div>

        <fieldset
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
            disabled={!changed || mutation.isPending}
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

type DraftState = { restored: Draft | null; offered: Draft | null };

function initialDraftState(endpointId: string, serverValues: EndpointFormValues): DraftState {
  const draft = readDraft(endpointId);
  if (draft === null || sameValues(draft.values, serverValues))
    return { restored: null, offered: null };
  return sameValues(draft.base, serverValues)
    ? { restored: draft, offered: null }
    : { restored: null, offered: draft };
}

function DraftOffer({ onRestore, onDismiss }: { onRestore: () => void; onDismiss: () => void }) {
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
