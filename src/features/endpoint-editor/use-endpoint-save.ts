// The save flow of the editor: a save that reads the endpoint first and merges, the conflict it may
// meet (Overwrite with mine, Keep theirs), Discard, and Reload endpoint after a failure. The form
// component only lays these out.
import {
  type BaseSyntheticEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { useLingui } from '@lingui/react/macro';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import {
  failedBeforeSending,
  useRefreshEndpoints,
  useUpdateEndpoint,
} from '../../api/endpoint-writes';
import type { Endpoint } from '../../../contract/schemas';
import { sameValues } from '../../drafts/draft-storage';
import { useEditorEvents } from '../../api/editor-events';
import { FIRST_EVENT_CONTROL } from '../../endpoint-form/events-field';
import { type EndpointFormValues, toFormValues } from '../../endpoint-form/form-values';
import { describeReloadFailure, describeSaveFailure } from './save-failure';
import { type SavePlan, decideAgainst, planSave } from './save-plan';
import { type EndpointView, type ServerChange, describeChanges } from './server-changes';
import type { useDraft } from './use-draft';
import { useMergeBase } from './use-merge-base';
import { useServerNotice } from './use-server-notice';
import { useSecondsLeft } from '../../ui/use-seconds-left';

export type Saved = {
  /** The save's answer (or, when nothing was sent, the endpoint as read before). */
  endpoint: Endpoint;
  /** The endpoint as this view knew it when the answer came: until that changes, the answer is newer. */
  listed: Endpoint;
  /** Each save's answer gets a fresh panel, whose heading may take focus. */
  count: number;
  focus: boolean;
  /** Changes saved elsewhere since the form's base, which the save kept. */
  kept: ServerChange[];
  /** The server already held everything: no request was sent. */
  sentNothing: boolean;
};

type Options = {
  endpoint: Endpoint;
  form: UseFormReturn<EndpointFormValues>;
  values: EndpointFormValues;
  draft: ReturnType<typeof useDraft>;
  /** Focuses the first input of the events group matching `selector`. */
  focusEvents: (selector: string) => void;
};

/** What failed, kept as it came: the banner's words follow the mount's language when it changes. */
type Failed =
  | { kind: 'save'; error: unknown; online: boolean; at: number; nothingSent: boolean }
  | { kind: 'reload'; error: unknown };

const toView = (endpoint: Endpoint): EndpointView => ({
  ...toFormValues(endpoint),
  status: endpoint.status,
});

export function useEndpointSave({ endpoint, form, values, draft, focusEvents }: Options) {
  const endpointId = endpoint.endpoint_id;
  const server = useMemo(() => toFormValues(endpoint), [endpoint]);
  const { getValues, setValue, reset, setError, setFocus, formState } = form;
  const [saved, setSaved] = useState<Saved | null>(null);
  const { i18n } = useLingui();
  const [failed, setFailure] = useState<Failed | null>(null);
  const failure =
    failed === null
      ? null
      : failed.kind === 'save'
        ? describeSaveFailure(i18n, failed.error, failed.online, failed.at, failed.nothingSent)
        : describeReloadFailure(i18n, failed.error);
  const [conflictShown, setConflictShown] = useState<{ focus: boolean } | null>(null);
  const [reloaded, setReloaded] = useState(false);
  // Keep theirs was chosen: said in words until the next save or discard.
  const [keptTheirs, setKeptTheirs] = useState(false);
  const [reloading, setReloading] = useState(false);
  // Whole seconds until Save may be pressed again after a 429 or 503 (0: now).
  const secondsToRetry = useSecondsLeft(failure?.retryAt, failure?.retryAfterSeconds);
  const mutation = useUpdateEndpoint<SavePlan>();
  const refresh = useRefreshEndpoints();
  const events = useEditorEvents();
  // Validation is async, so two quick presses can both pass it before a re-render disables Save.
  const saving = useRef(false);
  const listed = useRef(endpoint);
  useLayoutEffect(() => {
    listed.current = endpoint;
  }, [endpoint]);

  const sync = useMergeBase(draft.startBase, server, values, mutation.isPending, setValue);
  const notice = useServerNotice(toView(endpoint), mutation.isPending);
  // What a save would send now, against the latest values known from the server.
  const plan = planSave(endpointId, sync.base, server, values);

  const { persist } = draft;
  useEffect(() => {
    persist(values, sync.base);
  }, [persist, values, sync.base]);

  const save = (submitted: EndpointFormValues, base: EndpointFormValues) => {
    if (saving.current || !planSave(endpointId, base, server, submitted).hasWork) return;
    saving.current = true;
    setFailure(null);
    setKeptTheirs(false);
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
            listed: listed.current,
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
              { type: 'server', message: error.serverMessage ?? i18n._(apiErrorText(error)) },
              { shouldFocus: true },
            );
            return;
          }
          setFailure({
            kind: 'save',
            error,
            online: navigator.onLine,
            at: Date.now(),
            nothingSent,
          });
        },
      },
    );
  };

  // A field the server named gets focus from setError; a missing event choice has no input
  // registered with the form, so its first checkbox is focused here.
  const focusFirstInvalid = (errors: FieldErrors<EndpointFormValues>) => {
    if (errors.url || !errors.events) return;
    focusEvents(FIRST_EVENT_CONTROL);
  };

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

  const keepTheirs = () => {
    const { url, events: eventsMerge } = plan.merge;
    rebaseConflicts();
    setKeptTheirs(true);
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
    setKeptTheirs(false);
  };

  const reload = async () => {
    setReloading(true);
    try {
      await refresh();
      setFailure(null);
      setReloaded(true);
    } catch (error) {
      setFailure({ kind: 'reload', error });
    } finally {
      setReloading(false);
    }
  };

  return {
    plan,
    /** Whether Save does anything: send, ask about a conflict, or show the form's errors. */
    changed: plan.hasWork,
    pending: mutation.isPending,
    secondsToRetry,
    saved,
    keptTheirs,
    failure,
    /** Shown once a save met it, for as long as the form still conflicts with the server. */
    conflict: conflictShown !== null && plan.merge.conflict && !plan.invalid ? plan.merge : null,
    conflictFocus: conflictShown?.focus ?? false,
    notice: {
      changes: notice.changes,
      reloaded,
      form: plan.merge.conflict
        ? ('conflicts' as const)
        : sameValues(values, server)
          ? ('follows' as const)
          : ('keeps-edits' as const),
      dismiss: () => {
        notice.acknowledge();
        setReloaded(false);
      },
    },
    reloading,
    submit: (event?: BaseSyntheticEvent) => submitWith(sync.base)(event),
    overwriteWithMine: () => void submitWith(rebaseConflicts())(),
    keepTheirs,
    discard,
    reload: () => void reload(),
    restoreDraft: (offered: NonNullable<typeof draft.offered>) => {
      reset(offered.values, { keepDefaultValues: true });
      sync.rebase(offered.base, server);
    },
  };
}

function isFormField(field: string | undefined): field is 'url' | 'events' {
  return field === 'url' || field === 'events';
}
