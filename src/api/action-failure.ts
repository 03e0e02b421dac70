// What the admin reads when adding or deleting an endpoint fails. Like a failed save, it says
// whether anything happened and what to do next; the add form keeps what was typed.
import { isApiError, isEditorServerError } from './api-error';
import { isSignInRequired } from './sign-in-required';
import { formatTime, serverWords } from './server-words';

export type ActionFailure = {
  title: string;
  advice: string;
  detail?: string | undefined;
  detailFrom?: string | undefined;
  requestId?: string | undefined;
  /** Konpro may have acted although the answer was lost: look before trying again. */
  maybeDone?: boolean;
};

type Words = { verb: string; done: string; again: string };

const WORDS: Record<'create' | 'delete', Words> = {
  create: { verb: 'add', done: 'created', again: 'Press Create endpoint again' },
  delete: { verb: 'delete', done: 'deleted', again: 'Delete again' },
};

export function describeActionFailure(
  error: unknown,
  action: 'create' | 'delete',
  online: boolean,
  now: number,
  /** After a create's lost answer: the list was read again and holds no endpoint with its URL. */
  listChecked = false,
): ActionFailure {
  const { verb, done, again } = WORDS[action];
  const notDone = `The endpoint was not ${done}`;
  if (!isApiError(error))
    return { title: `${notDone}: something unexpected failed`, advice: `${again}.` };
  const words = serverWords(error);
  const maybe = {
    ...words,
    title: `The answer was lost: the endpoint may or may not have been ${done}`,
    advice:
      action === 'delete'
        ? 'Go back to the list to see whether it is still there.'
        : listChecked
          ? 'The list was checked and has no new endpoint with this URL yet. Look at the list again in a moment before creating it again, so it is not added twice.'
          : 'The list could not be checked for it. Look at the list before creating it again, so it is not added twice.',
    maybeDone: true,
  };

  if (error.kind === 'network') {
    return online
      ? {
          title: 'The server could not be reached',
          advice: `Nothing was ${done}. Check your connection, then ${again.toLowerCase()}.`,
        }
      : {
          title: 'You are offline',
          advice: `Nothing was ${done}. ${again} once you are back online.`,
        };
  }
  if (error.kind !== 'http') return maybe;
  const retryAt =
    error.retryAfterSeconds === undefined ? undefined : now + error.retryAfterSeconds * 1000;
  switch (error.status) {
    case 400:
    case 422:
      return {
        ...words,
        title: `Konpro refused to ${verb} the endpoint`,
        advice: 'Correct what it names and try again.',
      };
    case 401:
      if (isSignInRequired(error)) {
        return {
          requestId: error.requestId,
          title: `${notDone}: you are signed out`,
          advice: 'Sign in again with the button at the top, then try again.',
        };
      }
      return {
        ...words,
        title: 'The editor’s API key was refused',
        advice:
          'This is a configuration problem: ask whoever runs this editor to check its Konpro API key.',
      };
    case 403:
      return {
        ...words,
        title: `This editor is not allowed to ${verb} endpoints`,
        advice:
          'This is a configuration problem: ask whoever runs this editor to give its API key access to webhooks.',
      };
    case 404:
      // A delete's 404 reaches here only when the endpoint is still listed.
      return {
        ...words,
        title: notDone,
        advice:
          action === 'delete'
            ? 'The server answered “not found”, yet the endpoint is still in the list: this backend may not offer deleting. Ask whoever runs this editor.'
            : 'The server does not offer adding endpoints here (HTTP 404). Ask whoever runs this editor.',
      };
    case 429:
      return {
        ...words,
        title: 'Too many requests',
        advice: `${notDone}: Konpro’s rate limit was reached. ${retryAt === undefined ? 'Wait a minute, then try again.' : `Try again after ${formatTime(retryAt)}.`}`,
      };
    case 502:
      return isEditorServerError(error)
        ? {
            ...words,
            title: 'The editor’s server could not reach Konpro',
            advice: `${notDone}. ${again} in a moment.`,
          }
        : maybe;
    case 503:
      return {
        ...words,
        title: 'Konpro is unavailable right now',
        advice: `${notDone}. ${again} in a few minutes.`,
      };
    case 504:
      return maybe;
    default:
      return {
        ...words,
        title: `${notDone} (HTTP ${error.status ?? '?'})`,
        advice: `${again} in a moment.`,
      };
  }
}
