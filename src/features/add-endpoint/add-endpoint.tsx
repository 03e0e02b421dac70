import { zodResolver } from '@hookform/resolvers/zod';
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { useApiClient } from '../../api/api-client-context';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { listCheckedAfter, useCreateEndpoint } from '../../api/endpoint-writes';
import { eventTypesQueryOptions } from '../../api/event-types';
import type { Endpoint } from '../../../contract/schemas';
import { ErrorBanner } from '../../ui/error-banner';
import { usePageTitle } from '../../ui/page-title';
import { reservedHeight } from '../../ui/reserved-height';
import { useViewHeadingRef } from '../../ui/view-focus';
import { type ActionFailure, describeActionFailure } from '../../api/action-failure';
import { BackLink } from '../../ui/back-link';
import { useDraftOwner } from '../../drafts/draft-owner';
import { sameValues } from '../../drafts/draft-storage';
import { readNewEndpointDraft, writeNewEndpointDraft } from '../../drafts/new-endpoint-draft';
import { useEditorEvents, useReportError } from '../../api/editor-events';
import { EndpointFields } from '../../endpoint-form/endpoint-fields';
import { FIRST_EVENT_CONTROL } from '../../endpoint-form/events-field';
import {
  type EndpointFormValues,
  endpointFormSchema,
  normalUrl,
  selectedEvents,
} from '../../endpoint-form/form-values';
import { LoadError } from '../../ui/load-error';
import { LoadingStatus } from '../../ui/loading-status';
import { useBarClearance } from '../../endpoint-form/use-bar-clearance';
import { useUrlCheck } from '../../endpoint-form/url-check/use-url-check';
import { useUrlRule } from '../../endpoint-form/url-rule';
import { useUnsavedGuard } from '../../endpoint-form/use-unsaved-guard';

// A new endpoint starts with nothing ticked: "All events" is a choice, never a default.
const EMPTY: EndpointFormValues = { url: '', eventsMode: 'selected', events: [] };

type AddEndpointProps = {
  onBack: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  onCreated: (endpoint: Endpoint) => void;
};

/** The add form: the editor's URL field and event choice, and one request per Create. */
export function AddEndpoint({ onBack, onDirtyChange, onCreated }: AddEndpointProps) {
  const { t } = useLingui();
  const id = useId();
  const headingRef = useViewHeadingRef();
  const client = useApiClient();
  const eventTypes = useQuery(eventTypesQueryOptions(client));
  // The form starts from what this admin typed earlier: it waits until it knows who that is.
  const owner = useDraftOwner();
  const catalog = owner !== null ? eventTypes.data : undefined;
  useReportError(eventTypes.error);
  usePageTitle(t`Add endpoint`);

  return (
    <section
      className="kwe-editor"
      aria-labelledby={`${id}-title`}
      style={catalog ? undefined : { minHeight: reservedHeight('editor') }}
    >
      <BackLink onBack={onBack} />
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t`Add endpoint`}
      </h2>
      {catalog && owner !== null ? (
        <AddEndpointForm
          owner={owner}
          catalog={catalog}
          onDirtyChange={onDirtyChange}
          onCreated={onCreated}
        />
      ) : eventTypes.isError ? (
        <LoadError
          error={eventTypes.error}
          failedAt={eventTypes.errorUpdatedAt}
          title={t`The event types could not be loaded`}
          note={t`An endpoint needs its events chosen: the form appears once they load. Nothing you typed earlier is lost.`}
          onRetry={() => void eventTypes.refetch()}
        />
      ) : (
        <LoadingStatus
          label={t`Loading event types…`}
          failureCount={eventTypes.failureCount}
          failureReason={eventTypes.failureReason}
        />
      )}
    </section>
  );
}

type AddEndpointFormProps = Omit<AddEndpointProps, 'onBack'> & {
  owner: string;
  catalog: string[];
};

function AddEndpointForm({ owner, catalog, onDirtyChange, onCreated }: AddEndpointFormProps) {
  const { t, i18n } = useLingui();
  const id = useId();
  const [startValues] = useState(() => readNewEndpointDraft(owner) ?? EMPTY);
  const rule = useUrlRule();
  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema(rule)),
    defaultValues: startValues,
    mode: 'onTouched',
  });
  const values = useWatch({ control: form.control }) as EndpointFormValues;
  const create = useCreateEndpoint();
  const { onError } = useEditorEvents();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const sending = useRef(false);
  const eventsFieldset = useRef<HTMLFieldSetElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const { formRef, barRef } = useBarClearance();
  const typed = !sameValues(values, EMPTY);
  const check = useUrlCheck({ form, values, catalog, urlIsNew: true, saveButton: createButton });

  // Whatever is typed survives a reload or a crash of the tab, until the endpoint is created.
  useEffect(() => {
    if (!sending.current) writeNewEndpointDraft(owner, typed ? values : null);
  }, [owner, typed, values]);
  // A reload keeps what was typed; closing the tab would not: the browser warns.
  useUnsavedGuard(typed, onDirtyChange);

  const send = async (valid: EndpointFormValues) => {
    // One request however often Create is pressed: a second press while one is on its way,
    // or after it succeeded, sends nothing.
    if (sending.current) return;
    sending.current = true;
    setFailure(null);
    try {
      const endpoint = await create.mutateAsync({
        url: normalUrl(valid.url),
        events: selectedEvents(valid),
      });
      writeNewEndpointDraft(owner, null);
      onCreated(endpoint);
    } catch (error) {
      sending.current = false;
      onError?.(error);
      // Konpro's refusal of the URL (unreachable, not HTTPS) belongs to the URL field.
      if (isApiError(error) && (error.field === 'url' || error.field === 'events')) {
        form.setError(
          error.field,
          // The server's own reason when it gave one, else what its status means.
          { type: 'server', message: error.serverMessage ?? i18n._(apiErrorText(error)) },
          { shouldFocus: true },
        );
        return;
      }
      const checked = listCheckedAfter(error);
      setFailure(describeActionFailure(error, 'create', navigator.onLine, Date.now(), checked));
    }
  };
  // A missing event choice has no input registered with the form: its first control takes focus.
  const focusInvalid = (errors: FieldErrors<EndpointFormValues>) => {
    if (errors.url || !errors.events) return;
    eventsFieldset.current?.querySelector<HTMLElement>(FIRST_EVENT_CONTROL)?.focus();
  };

  return (
    <div className="kwe-editor-body">
      {failure && (
        <ErrorBanner
          {...failure}
          title={i18n._(failure.title)}
          advice={i18n._(failure.advice)}
          autoFocus
        />
      )}
      <form
        ref={formRef}
        className="kwe-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const create = () => void form.handleSubmit(send, focusInvalid)();
          // A URL whose last check failed is created only once the admin says so.
          if (!check.confirmSave(create)) create();
        }}
      >
        <EndpointFields
          id={id}
          form={form}
          values={values}
          sentUrl={normalUrl(values.url)}
          catalog={catalog}
          catalogError={null}
          fieldsetRef={eventsFieldset}
          skipTo={{ href: `#${id}-create`, focus: () => createButton.current?.focus() }}
          urlCheck={check}
        />
        <div ref={barRef} className="kwe-actions kwe-form-actions">
          <button
            ref={createButton}
            id={`${id}-create`}
            type="submit"
            className="kwe-button kwe-primary"
            disabled={create.isPending}
            aria-busy={create.isPending || undefined}
          >
            {create.isPending ? t`Creating…` : t`Create endpoint`}
          </button>
          <button
            type="button"
            className="kwe-button"
            disabled={!typed || create.isPending}
            onClick={() => {
              form.reset(EMPTY);
              setFailure(null);
            }}
          >
            {t`Clear form`}
          </button>
        </div>
        {check.dialog}
      </form>
    </div>
  );
}
