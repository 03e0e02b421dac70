// What the admin reads when adding or deleting an endpoint fails. Like a failed save, it says
// whether anything happened and what to do next; the add form keeps what was typed. The words are
// messages of the editor catalogue (only the editor's chunk shows them), one whole sentence per
// action, rendered by the mount (`i18n._`).
import type { MessageDescriptor } from '@lingui/core';
import { msg, select } from '@lingui/core/macro';
import { isApiError, isEditorServerError } from './api-error';
import { withValues } from './message-values';
import { isSignInRequired } from './sign-in-required';
import { serverWords } from './server-words';

export type ActionFailure = {
  title: MessageDescriptor;
  advice: MessageDescriptor;
  detail?: string | undefined;
  fromEditorServer?: boolean | undefined;
  requestId?: string | undefined;
  /** Konpro may have acted although the answer was lost: look before trying again. */
  maybeDone?: boolean;
};

export function describeActionFailure(
  error: unknown,
  action: 'create' | 'delete',
  online: boolean,
  now: number,
  /** After a create's lost answer: the list was read again and holds no endpoint with its URL. */
  listChecked = false,
): ActionFailure {
  const notDone = msg`${select(action, {
    create: 'The endpoint was not created',
    other: 'The endpoint was not deleted',
  })}`;
  if (!isApiError(error)) {
    return {
      title: msg`${select(action, {
        create: 'The endpoint was not created: something unexpected failed',
        other: 'The endpoint was not deleted: something unexpected failed',
      })}`,
      advice: msg`${select(action, { create: 'Press Create endpoint again.', other: 'Delete again.' })}`,
    };
  }
  const words = serverWords(error);
  const maybe: ActionFailure = {
    ...words,
    title: msg`${select(action, {
      create: 'The answer was lost: the endpoint may or may not have been created',
      other: 'The answer was lost: the endpoint may or may not have been deleted',
    })}`,
    advice:
      action === 'delete'
        ? msg`Go back to the list to see whether it is still there.`
        : listChecked
          ? msg`The list was checked and has no new endpoint with this URL yet. Look at the list again in a moment before creating it again, so it is not added twice.`
          : msg`The list could not be checked for it. Look at the list before creating it again, so it is not added twice.`,
    maybeDone: true,
  };

  if (error.kind === 'network') {
    return online
      ? {
          title: msg`The server could not be reached`,
          advice: msg`${select(action, {
            create: 'Nothing was created. Check your connection, then press Create endpoint again.',
            other: 'Nothing was deleted. Check your connection, then delete again.',
          })}`,
        }
      : {
          title: msg`You are offline`,
          advice: msg`${select(action, {
            create: 'Nothing was created. Press Create endpoint again once you are back online.',
            other: 'Nothing was deleted. Delete again once you are back online.',
          })}`,
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
        title: msg`${select(action, {
          create: 'Konpro refused to add the endpoint',
          other: 'Konpro refused to delete the endpoint',
        })}`,
        advice: msg`Correct what it names and try again.`,
      };
    case 401:
      if (isSignInRequired(error)) {
        return {
          requestId: error.requestId,
          title: msg`${select(action, {
            create: 'The endpoint was not created: you are signed out',
            other: 'The endpoint was not deleted: you are signed out',
          })}`,
          advice: msg`Sign in again with the button at the top, then try again.`,
        };
      }
      return {
        ...words,
        title: msg`The editor’s API key was refused`,
        advice: msg`This is a configuration problem: ask whoever runs this editor to check its Konpro API key.`,
      };
    case 403:
      return {
        ...words,
        title: msg`${select(action, {
          create: 'This editor is not allowed to add endpoints',
          other: 'This editor is not allowed to delete endpoints',
        })}`,
        advice: msg`This is a configuration problem: ask whoever runs this editor to give its API key access to webhooks.`,
      };
    case 404:
      // A delete's 404 reaches here only when the endpoint is still listed.
      return {
        ...words,
        title: notDone,
        advice:
          action === 'delete'
            ? msg`The server answered “not found”, yet the endpoint is still in the list: this backend may not offer deleting. Ask whoever runs this editor.`
            : msg`The server does not offer adding endpoints here (HTTP 404). Ask whoever runs this editor.`,
      };
    case 429:
      return {
        ...words,
        title: msg`Too many requests`,
        advice:
          retryAt === undefined
            ? msg`${select(action, {
                create:
                  'The endpoint was not created: Konpro’s rate limit was reached. Wait a minute, then try again.',
                other:
                  'The endpoint was not deleted: Konpro’s rate limit was reached. Wait a minute, then try again.',
              })}`
            : withValues(
                msg`${select(action, {
                  create:
                    'The endpoint was not created: Konpro’s rate limit was reached. Try again after {time, time}.',
                  other:
                    'The endpoint was not deleted: Konpro’s rate limit was reached. Try again after {time, time}.',
                })}`,
                { time: retryAt },
              ),
      };
    case 502:
      return isEditorServerError(error)
        ? {
            ...words,
            title: msg`The editor’s server could not reach Konpro`,
            advice: msg`${select(action, {
              create: 'The endpoint was not created. Press Create endpoint again in a moment.',
              other: 'The endpoint was not deleted. Delete again in a moment.',
            })}`,
          }
        : maybe;
    case 503:
      return {
        ...words,
        title: msg`Konpro is unavailable right now`,
        advice: msg`${select(action, {
          create: 'The endpoint was not created. Press Create endpoint again in a few minutes.',
          other: 'The endpoint was not deleted. Delete again in a few minutes.',
        })}`,
      };
    case 504:
      return maybe;
    default: {
      const status = String(error.status ?? '?');
      return {
        ...words,
        title: msg`${select(action, {
          create: `The endpoint was not created (HTTP ${status})`,
          other: `The endpoint was not deleted (HTTP ${status})`,
        })}`,
        advice: msg`${select(action, {
          create: 'Press Create endpoint again in a moment.',
          other: 'Delete again in a moment.',
        })}`,
      };
    }
  }
}
