import { type Ref, memo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { EventChecklist } from './event-checklist';
import type { Update } from './event-row';
import { LoadError } from '../ui/load-error';

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
  const errorId = `${id}-events-error`;
  return (
    <fieldset
      ref={fieldsetRef}
      className="kwe-field kwe-events-field"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>Events</legend>
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
                All events
                <span className="kwe-muted"> (including types added later)</span>
              </span>
            </label>
            <label className="kwe-radio">
              <input type="radio" value="selected" {...modeRegistration} />
              <span>Selected events</span>
            </label>
          </div>
          {error && (
            <p id={errorId} className="kwe-error" role="alert">
              {error}
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
  if (catalogError.retrying) {
    return (
      <p className="kwe-loading" role="status">
        Loading the event types again…
      </p>
    );
  }
  return (
    <div className="kwe-catalog-missing">
      <LoadError
        error={catalogError.error}
        failedAt={catalogError.failedAt}
        title="The event types could not be loaded"
        note="The events cannot be changed until they are; the URL can be changed and saved."
        onRetry={catalogError.retry}
      />
      <p>
        Events now:{' '}
        {mode === 'all' ? (
          'All events'
        ) : (
          <span className="kwe-inline-codes">
            {events.map((event, index) => (
              <span key={event}>
                {index > 0 && ', '}
                <code>{event}</code>
              </span>
            ))}
          </span>
        )}
      </p>
    </div>
  );
}
