// "Check URL" beside the Endpoint URL field, the "URL check" region under it, and the question
// before saving a URL whose check failed. Only the button, the event choice and the state live in
// the editor's code: what the region and the dialog say is loaded on the first press.
import { type RefObject, useId, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isCheckMissing, useCheckEndpoint, useCheckOffered } from '../../api/endpoint-check';
import type { UrlCheckAnswer } from '../../../contract/url-check';
import { checkWebhookUrl } from '../../../contract/webhook-url';
import { inCatalogOrder } from '../event-groups';
import type { EndpointFormValues } from '../form-values';
import { useUrlRule } from '../url-rule';

/**
 * What the region shows: a check's answer, or why the check itself failed; each for its URL and
 * with the time it came back (what "in N days" counts from).
 */
export type CheckShown = { url: string; at: number } & (
  { eventType: string; answer: UrlCheckAnswer } | { error: unknown }
);

type View = typeof import('./check-view');
let view: Promise<View> | null = null;
const loadView = () =>
  (view ??= import('./check-view').catch((error: unknown) => {
    view = null; // the next press tries again
    throw error;
  }));

type Options = {
  form: UseFormReturn<EndpointFormValues>;
  values: EndpointFormValues;
  catalog: string[] | null;
  /** A save would change the URL: only then does a failed check ask first. */
  urlIsNew: boolean;
  /** Where focus returns when the question closes. */
  saveButton: RefObject<HTMLButtonElement | null>;
};

export function useUrlCheck({ form, values, catalog, urlIsNew, saveButton }: Options) {
  const id = useId();
  const rule = useUrlRule();
  const offered = useCheckOffered();
  const check = useCheckEndpoint();
  // A ref, not state: a second press can come before the first one's render.
  const running = useRef(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [shown, setShown] = useState<CheckShown | null>(null);
  const [loaded, setLoaded] = useState<View | null>(null);
  const [chosen, setChosen] = useState('');
  const [asking, setAsking] = useState<{ save: () => void } | null>(null);
  const confirmed = useRef<CheckShown | null>(null);

  // The test delivery is of an event the endpoint receives: the first ticked, in the catalog's
  // order; with all events (or none ticked yet), the first of the catalog.
  const ticked = values.eventsMode === 'selected' ? values.events : [];
  const choices = ticked.length > 0 ? inCatalogOrder(ticked, catalog ?? []) : (catalog ?? []);
  const eventType = choices.includes(chosen) ? chosen : choices[0];
  const typed = checkWebhookUrl(values.url, rule);
  // A result belongs to the URL it checked: with another URL in the field it no longer counts.
  const url = typed.ok ? typed.url : values.url;
  const failed = shown && 'answer' in shown && !shown.answer.ok && shown.url === url ? shown : null;

  const run = async () => {
    if (running.current || eventType === undefined) return;
    if (!typed.ok) {
      await form.trigger('url', { shouldFocus: true }); // the field says what is wrong
      return;
    }
    running.current = true;
    setChecking(url);
    try {
      const [next] = await Promise.all([
        check.mutateAsync({ url, event_type: eventType }).then(
          (answer): CheckShown => ({ url, at: Date.now(), eventType, answer }),
          (error: unknown): CheckShown => ({ url, at: Date.now(), error }),
        ),
        loadView().then(setLoaded, () => undefined),
      ]);
      // No check on this backend: the button is gone, and focus goes back to the field.
      if ('error' in next && isCheckMissing(next.error)) form.setFocus('url');
      else setShown(next);
    } finally {
      running.current = false;
      setChecking(null);
    }
  };

  const closeQuestion = () => {
    setAsking(null);
    saveButton.current?.focus();
  };

  return {
    controls: offered && (
      <div className="kwe-url-check-bar">
        <label htmlFor={`${id}-event`}>Test event</label>
        <select
          id={`${id}-event`}
          value={eventType ?? ''}
          onChange={(e) => setChosen(e.target.value)}
        >
          {choices.map((event) => (
            <option key={event}>{event}</option>
          ))}
        </select>
        <button
          type="button"
          className="kwe-button"
          onClick={() => void run()}
          // While checking it stays focusable (a disabled button would drop focus to the page);
          // run() ignores presses meanwhile.
          aria-disabled={checking !== null || undefined}
          aria-busy={checking !== null || undefined}
          disabled={eventType === undefined}
        >
          {checking === null ? 'Check URL' : 'Checking…'}
        </button>
      </div>
    ),
    report: offered && (checking !== null || shown !== null) && (
      <div role="region" aria-label="URL check" aria-live="polite" className="kwe-url-check">
        {checking !== null ? (
          <p>
            Checking <bdi className="kwe-break">{checking}</bdi>…
          </p>
        ) : loaded && shown ? (
          <loaded.CheckReport shown={shown} stale={shown.url !== url} />
        ) : (
          <p>The result could not be shown. Check your connection, then try again.</p>
        )}
      </div>
    ),
    dialog: asking && failed && loaded && (
      <loaded.SaveAnywayDialog
        url={failed.url}
        problem={failed.answer.problem}
        onCancel={closeQuestion}
        onSaveAnyway={() => {
          confirmed.current = failed;
          closeQuestion();
          asking.save();
        }}
      />
    ),
    /**
     * Called on Save: when the URL to save failed its last check, asks first and returns true;
     * `save` runs on "Save anyway". Asked once per check.
     */
    confirmSave: (save: () => void) => {
      if (!urlIsNew || failed === null || confirmed.current === failed) return false;
      setAsking({ save });
      return true;
    },
  };
}
