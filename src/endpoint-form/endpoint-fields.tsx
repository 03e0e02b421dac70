import { type ComponentProps, type Ref, useCallback, useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { type CatalogError, EventsField } from './events-field';
import type { EndpointFormValues } from './form-values';
import { UrlField } from './url-field';

type EndpointFieldsProps = {
  id: string;
  form: UseFormReturn<EndpointFormValues>;
  /** The form's values as watched by the caller, so both re-render together. */
  values: EndpointFormValues;
  /** What a save would send as the URL, shown under the field. */
  sentUrl: string;
  catalog: string[] | null;
  catalogError: CatalogError | null;
  fieldsetRef: Ref<HTMLFieldSetElement>;
  /** Where the events' skip link leads: past the checklist, to what comes before the button. */
  skipTo: { href: string; focus: () => void };
  /** The URL check (url-check/use-url-check.tsx), when the form offers it. */
  urlCheck?: ComponentProps<typeof UrlField>['check'];
};

/** The URL and the event choice: one component for adding an endpoint and for editing one. */
export function EndpointFields(props: EndpointFieldsProps) {
  const { id, form, values, sentUrl, catalog, catalogError, fieldsetRef, skipTo, urlCheck } = props;
  const { register, formState, getValues, setValue } = form;

  const updateEvents = useCallback(
    (update: (current: string[]) => string[]) =>
      setValue('events', update(getValues('events')), {
        shouldDirty: true,
        shouldValidate: formState.isSubmitted,
      }),
    [getValues, setValue, formState.isSubmitted],
  );

  // Registered once, as EventsField renders only when its own values change (it is memoised).
  const modeRegistration = useMemo(() => register('eventsMode'), [register]);

  const putUrl = (url: string) =>
    setValue('url', url, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  return (
    <>
      <UrlField
        id={`${id}-url`}
        registration={register('url', { setValueAs: (value: string) => value.trim() })}
        value={values.url}
        sent={sentUrl}
        error={formState.errors.url?.message}
        onTrim={putUrl}
        check={urlCheck}
      />

      <EventsField
        id={id}
        fieldsetRef={fieldsetRef}
        modeRegistration={modeRegistration}
        mode={values.eventsMode}
        events={values.events}
        catalog={catalog}
        catalogError={catalogError}
        error={formState.errors.events?.message}
        onChange={updateEvents}
        skipTo={skipTo}
      />
    </>
  );
}
