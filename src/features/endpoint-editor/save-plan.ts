// What a save would send, from the form's three versions of the endpoint: the one it started
// from, the one the server holds now and the admin's. The summary shows the plan made against the
// latest known server values; the save makes it again against the values read just before writing.
import type { Endpoint, EndpointUpdate } from '../../../contract/schemas';
import { type EndpointFormValues, normalUrl, toFormValues } from '../../endpoint-form/form-values';
import {
  type EndpointMerge,
  type EndpointState,
  type Subscription,
  mergeChanges,
  subscriptionToWire,
} from './merge-changes';

export type SavePlan = {
  merge: EndpointMerge;
  /** The fields to send; null when nothing is to be sent, or nothing may be until resolved. */
  patch: EndpointUpdate | null;
  /** The endpoint's URL and events as they will be after the save, for the summary. */
  preview: EndpointFormValues;
  /** "Selected events" with nothing ticked: the form's own check refuses it before saving. */
  invalid: boolean;
  /** Whether pressing Save does anything: send, show a conflict or show the form's errors. */
  hasWork: boolean;
};

/** URLs in their normal form: a new spelling of the same URL is no change, and is what is sent. */
export function toMergeState(values: EndpointFormValues): EndpointState {
  return {
    url: normalUrl(values.url),
    events: values.eventsMode === 'all' ? 'all' : [...new Set(values.events)],
  };
}

export function fromSubscription(
  events: Subscription,
): Pick<EndpointFormValues, 'eventsMode' | 'events'> {
  return events === 'all'
    ? { eventsMode: 'all', events: [] }
    : { eventsMode: 'selected', events: [...events] };
}

export function planSave(
  endpointId: string,
  base: EndpointFormValues,
  theirs: EndpointFormValues,
  mine: EndpointFormValues,
): SavePlan {
  const merge = mergeChanges(toMergeState(base), toMergeState(theirs), toMergeState(mine));
  const invalid = mine.eventsMode === 'selected' && mine.events.length === 0;
  const { url, events } = merge;

  const preview: EndpointFormValues = {
    url: url.kind === 'send' ? url.value : theirs.url,
    ...(invalid
      ? { eventsMode: mine.eventsMode, events: mine.events }
      : fromSubscription(events.kind === 'conflict' ? events.theirs : events.value)),
  };

  let patch: EndpointUpdate | null = null;
  if (!merge.conflict && !invalid && (url.kind === 'send' || events.kind === 'send')) {
    patch = { endpoint_id: endpointId };
    if (url.kind === 'send') patch.url = url.value;
    if (events.kind === 'send') patch.events = subscriptionToWire(events.value);
  }
  return { merge, patch, preview, invalid, hasWork: patch !== null || merge.conflict || invalid };
}

/**
 * The plan a save makes once it has read the endpoint as the server holds it. Built here rather
 * than inside a component: the mutation keeps this function as its variables, and a closure
 * made during a render would keep that render alive, and through it every earlier save.
 */
export function decideAgainst(
  endpointId: string,
  base: EndpointFormValues,
  submitted: EndpointFormValues,
): (latest: Endpoint) => { patch: EndpointUpdate | null; plan: SavePlan } {
  return (latest) => {
    const plan = planSave(endpointId, base, toFormValues(latest), submitted);
    return { patch: plan.patch, plan };
  };
}
