// The form's field errors in the editor's language. The URL rule lives in contract/ (the server
// and the emulator use it too, and answer in English), so its refusals arrive here as English
// sentences; each is mapped to a message of the form's catalogue. A text this map does not know
// (a refusal in the server's own words) is shown as it came.
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { MAX_URL_LENGTH } from '../../contract/schemas';
import { UNREACHABLE_HOST } from '../../contract/webhook-url';

/** The error of "Selected events" with nothing ticked (form-values.ts). */
export const NO_EVENTS_MESSAGE = 'Tick at least one event, or choose "All events".';

const max = MAX_URL_LENGTH;

const MESSAGES: ReadonlyMap<string, MessageDescriptor> = new Map([
  [NO_EVENTS_MESSAGE, msg`Tick at least one event, or choose "All events".`],
  // Keyed by the English of contract/webhook-url.ts, word for word.
  ['Enter the URL that receives the webhooks', msg`Enter the URL that receives the webhooks`],
  [
    'The URL must not contain a backslash (\\); use / instead',
    msg`The URL must not contain a backslash (\\); use / instead`,
  ],
  [
    'The URL contains invisible text-direction characters',
    msg`The URL contains invisible text-direction characters`,
  ],
  [
    'The URL contains invisible zero-width characters',
    msg`The URL contains invisible zero-width characters`,
  ],
  [
    'This is not a web address: enter a full URL starting with https://',
    msg`This is not a web address: enter a full URL starting with https://`,
  ],
  ['The URL must not contain spaces', msg`The URL must not contain spaces`],
  [`The URL must be at most ${max} characters`, msg`The URL must be at most ${max} characters`],
  ['This is not a valid URL', msg`This is not a valid URL`],
  ['The URL must start with https://', msg`The URL must start with https://`],
  ['The URL needs a host name', msg`The URL needs a host name`],
  [
    'The URL must not contain a user name or password',
    msg`The URL must not contain a user name or password`,
  ],
  ['The URL must not contain a #fragment', msg`The URL must not contain a #fragment`],
  [UNREACHABLE_HOST, msg`Konpro's servers cannot reach this address: use a public host name`],
  [
    'A name without a dot only means something inside one network: use the full public host name',
    msg`A name without a dot only means something inside one network: use the full public host name`,
  ],
]);

/** Whether `message` is one the form says in the editor's language. */
export function isKnownFieldError(message: string): boolean {
  return MESSAGES.has(message);
}

/** A field's error (a rule's English, or the server's words) as the admin reads it. */
export function fieldErrorMessage(i18n: I18n, message: string): string {
  const known = MESSAGES.get(message);
  return known ? i18n._(known) : message;
}
