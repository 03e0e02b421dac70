import { Trans, useLingui } from '@lingui/react/macro';
import { type Ref, memo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { EventChecklist } from './event-checklist';
import type { Update } from './event-row';
import { LoadError } from '../ui/load-error';
import { formatList } from '../i18n/editor-formats';
import { useLocale } from '../i18n/formats';
import { ELEMENT, withElement } from '../i18n/with-element';
import { fieldErrorMessage } from './field-errors';

/**
 * The catalog failed to load. The events part says so and offers a retry; the choice itself is
 * not shown (its values stay as loaded), so the URL can still be changed and saved alone.
 */
export type CatalogError = {
  error: unknown;
  failedAt: number;
  retrying: boolean;
  retry: () => void;
};

/** The checklist's first control: what takes focus when no event was chosen. */
export const FIRST_EVENT_CONTROL = '.kwe-groups button, .kwe-groups input';

type EventsFieldProps = {
  id: string;
  fieldsetRef: Ref<HTMLFieldSetElement>;
  modeRegistration: UseFormRegisterReturn<'eventsMode'>;
  mode: 'all' | 'selected';
  events: string[];
  catalog: string[] | null;
  catalogError: CatalogError | null;
  error: string | undefined;
  onChange: (update: Update) => void;
  skipTo: { href: string; focus: () => void };
};

/** Memoised: typing the URL renders none of it (its props are kept stable by the form). */
export const EventsField = memo(function EventsField({
  id,
  fieldsetRef,
  modeRegistration,
  mode,
  events,
  catalog,
  catalogError,
  error,
  onChange,
  skipTo,
}: EventsFieldProps) {
  const { i18n, t } = useLingui();
  const errorId = `${id}-events-error`;
  return (
    <fieldset
      ref={fieldsetRef}
      className="kwe-field kwe-events-field"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t`Events`}</legend>
      {catalog === null ? (
        catalogError && (
          <CatalogUnavailable catalogError={catalogError} mode={mode} events={events} />
        )
      ) : (
        <>
          <div className="kwe-radios">
            <label className="kwe-radio">
              <input type="radio" value="all" {...modeRegistration} />
              <span>
                <Trans>
                  All events<span className="kwe-muted"> (including types added later)</span>
                </Trans>
              </span>
            </label>
            <label className="kwe-radio">
              <input type="radio" value="selected" {...modeRegistration} />
              <span>{t`Selected events`}</span>
            </label>
          </div>
          {error && (
            <p id={errorId} className="kwe-error" role="alert">
              {fieldErrorMessage(i18n, error)}
            </p>
          )}
          {mode === 'selected' && (
            <EventChecklist
              catalog={catalog}
              selected={events}
              onChange={onChange}
              skipTo={skipTo}
            />
          )}
        </>
      )}
    </fieldset>
  );
});

type CatalogUnavailableProps = {
  catalogError: CatalogError;
  mode: 'all' | 'selected';
  events: string[];
};

function CatalogUnavailable({ catalogError, mode, events }: CatalogUnavailableProps) {
  const { t } = useLingui();
  const locale = useLocale();
  if (catalogError.retrying) {
    return (
      <p className="kwe-loading" role="status">
        {t`Loading the event types again…`}
      </p>
    );
  }
  const list = ELEMENT; // the message's name for the events, each left to right
  return (
    <div className="kwe-catalog-missing">
      <LoadError
        error={catalogError.error}
        failedAt={catalogError.failedAt}
        title={t`The event types could not be loaded`}
        note={t`The events cannot be changed until they are; the URL can be changed and saved.`}
        onRetry={catalogError.retry}
      />
      <p>
        {mode === 'all'
          ? t`Events now: All events`
          : withElement(
              t`Events now: ${list}`,
              <span className="kwe-inline-codes">
                <EventList events={events} locale={locale} />
              </span>,
            )}
      </p>
    </div>
  );
}

/** The events as the locale lists values ("a, b, c"), each an event type read left to right. */
function EventList({ events, locale }: { events: string[]; locale: string }) {
  // The list's own words and separators come from Intl; each item stands in for its <code>.
  const marks = events.map((_, index) => `\u2063${index}\u2063`);
  const parts = formatList(locale, marks, 'unit').split(/\u2063(\d+)\u2063/);
  return parts.map((part, index) => {
    if (index % 2 === 0) return part;
    const event = events[Number(part)];
    return (
      <code key={index} dir="ltr">
        {event}
      </code>
    );
  });
}
