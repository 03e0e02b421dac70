// "Check URL" with its test event under the Endpoint URL field, the "URL check" region below, and
// the question before saving a URL whose check failed. They come with the editor's code rather
// than on the first press: a chunk of their own made the bundler move React and zod out of the
// entry into a shared chunk, 1.3 kB more on the list page and 0.3 kB more on a deep link.
import { Trans, useLingui } from '@lingui/react/macro';
import { type RefObject, useId, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isCheckMissing, useCheckEndpoint, useCheckOffered } from '../../api/endpoint-check';
import { checkWebhookUrl } from '../../../contract/webhook-url';
import { inCatalogOrder } from '../event-groups';
import type { EndpointFormValues } from '../form-values';
import { useUrlRule } from '../url-rule';
import { type CheckShown, CheckReport } from './check-report';
import { SaveAnywayDialog } from './save-anyway-dialog';
import { TestEventSelect } from './test-event-select';

const NONE: string[] = [];

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
  const { t } = useLingui();
  const id = useId();
  const rule = useUrlRule();
  const offered = useCheckOffered();
  const check = useCheckEndpoint();
  // A ref, not state: a second press can come before the first one's render.
  const running = useRef(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [shown, setShown] = useState<CheckShown | null>(null);
  const [chosen, setChosen] = useState('');
  const [asking, setAsking] = useState<{ save: () => void } | null>(null);
  const confirmed = useRef<CheckShown | null>(null);

  // The test delivery is of an event the endpoint receives: the first ticked, in the catalog's
  // order; with all events (or none ticked yet), the first of the catalog.
  const ticked = values.eventsMode === 'selected' ? values.events : NONE;
  // Made again only when the ticks change, not on every keystroke in the URL.
  const choices = useMemo(
    () => (ticked.length > 0 ? inCatalogOrder(ticked, catalog ?? []) : (catalog ?? [])),
    [ticked, catalog],
  );
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
      const next = await check.mutateAsync({ url, event_type: eventType }).then(
        (answer): CheckShown => ({ url, at: Date.now(), eventType, answer }),
        (error: unknown): CheckShown => ({ url, at: Date.now(), error }),
      );
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
        <label htmlFor={`${id}-event`}>{t`Test event`}</label>
        <TestEventSelect
          id={`${id}-event`}
          value={eventType ?? ''}
          choices={choices}
          onChoose={setChosen}
        />
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
          {checking === null ? t`Check URL` : t`Checking…`}
        </button>
      </div>
    ),
    report: offered && (checking !== null || shown !== null) && (
      <div role="region" aria-label={t`URL check`} aria-live="polite" className="kwe-url-check">
        {checking !== null ? (
          <p>
            <Trans>
              Checking{' '}
              <bdi className="kwe-break" dir="ltr">
                {checking}
              </bdi>
              …
            </Trans>
          </p>
        ) : (
          shown && <CheckReport shown={shown} stale={shown.url !== url} />
        )}
      </div>
    ),
    dialog: asking && failed && (
      <SaveAnywayDialog
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
