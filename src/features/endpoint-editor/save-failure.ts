// What the admin reads when a save fails: what happened, and what to do about it. Every case keeps
// the form as typed, so the advice never says "type it again".
import { isApiError, isEditorServerError } from '../../api/api-error';
import { isSignInRequired } from '../../api/sign-in-required';
import { type ServerWords, formatTime, serverWords } from '../../api/server-words';

export type SaveFailure = ServerWords & {
  title: string;
  advice: string;
  /** When a retry can succeed (epoch ms), from Retry-After. */
  retryAt?: number | undefined;
  /** The seconds Retry-After asked for, counted down beside the paused Save. */
  retryAfterSeconds?: number | undefined;
  /** Why Save is paused until `retryAt`, in a few words. */
  pausedBecause?: string | undefined;
  /** The endpoint is gone: offer the way back to the list. */
  gone?: boolean;
  /** The advice is to reload: offer a button that does, keeping the draft. */
  reload?: boolean;
};

const MAYBE_APPLIED =
  'The change may or may not have been applied: reload this endpoint to check before saving again.';
// A save reads the endpoint before writing; when that read fails, nothing was sent at all.
const NOT_SENT =
  'Nothing was sent: the editor reads the endpoint before saving, and that read failed. Save again in a moment.';

export function describeSaveFailure(
  error: unknown,
  online: boolean,
  now: number,
  nothingSent = false,
): SaveFailure {
  const failure = describe(error, online, now);
  return nothingSent && failure.reload ? { ...failure, advice: NOT_SENT, reload: false } : failure;
}

function describe(error: unknown, online: boolean, now: number): SaveFailure {
  if (!isApiError(error)) {
    return { title: 'The save failed unexpectedly', advice: 'Your edits are kept. Save again.' };
  }
  const base = serverWords(error);
  const { retryAfterSeconds } = error;
  const retryAt = retryAfterSeconds === undefined ? undefined : now + retryAfterSeconds * 1000;

  if (error.kind === 'network') {
    return online
      ? {
          title: 'The server could not be reached',
          advice: 'Your edits are kept. Check your connection, then save again.',
        }
      : {
          title: 'You are offline',
          advice: 'Your edits are kept. Save again once you are back online.',
        };
  }
  if (error.kind === 'timeout') {
    return { title: error.message, advice: MAYBE_APPLIED, reload: true };
  }
  if (error.kind === 'invalid-response') {
    return {
      ...base,
      title: 'The server’s answer could not be read',
      advice: MAYBE_APPLIED,
      reload: true,
    };
  }

  switch (error.status) {
    case 400:
    case 422:
      return {
        ...base,
        title: 'Konpro refused the change',
        advice: 'Correct what it names and save again.',
      };
    case 401:
      if (isSignInRequired(error)) {
        // This server's own answer, not Konpro's words: only the request id is worth showing.
        return {
          requestId: error.requestId,
          title:
            error.code === 'SESSION_EXPIRED'
              ? 'Not saved: your sign-in has expired'
              : 'Not saved: you are signed out',
          advice: 'Your edits are kept. Sign in again with the button at the top, then save.',
        };
      }
      return {
        ...base,
        title: 'The editor’s API key was refused',
        advice:
          'This is a configuration problem, not something you did: ask whoever runs this editor to check its Konpro API key.',
      };
    case 403:
      return {
        ...base,
        title: 'This editor is not allowed to change the endpoint',
        advice:
          'This is a configuration problem: ask whoever runs this editor to give its API key access to webhooks.',
      };
    case 404:
      return {
        ...base,
        title: 'This endpoint no longer exists',
        advice: 'It may have been deleted. Your edits are still on this page; go back to the list.',
        gone: true,
      };
    case 409:
      return {
        ...base,
        title: 'Someone else changed this endpoint at the same time',
        advice: 'Reload to see the latest values; your edits stay in the form.',
        reload: true,
      };
    case 412:
      return {
        ...base,
        title: 'This endpoint keeps changing elsewhere',
        advice:
          'Nothing was sent: each time, someone else saved first. Reload to see the latest values; your edits stay in the form.',
        reload: true,
      };
    case 413:
      return {
        ...base,
        title: 'The change is too large for the server',
        advice: 'Shorten the URL or choose fewer events, then save again.',
      };
    case 429:
      return {
        ...base,
        title: 'Too many requests',
        advice:
          retryAt === undefined
            ? 'Konpro’s rate limit was reached. Wait a minute, then save again.'
            : `Konpro’s rate limit was reached. You can save again at ${formatTime(retryAt)}.`,
        retryAt,
        retryAfterSeconds,
        pausedBecause: 'Konpro’s rate limit was reached',
      };
    case 502:
      // Only this project's server says for sure that Konpro was never reached. A proxy's 502
      // (an HTML page, or a code of someone else) may come after Konpro has acted.
      return isEditorServerError(error)
        ? {
            ...base,
            title: 'The editor’s server could not reach Konpro',
            advice: 'Your change was not applied. Save again in a moment.',
          }
        : {
            ...base,
            title: 'A proxy on the way to Konpro failed (HTTP 502)',
            advice: MAYBE_APPLIED,
          };
    case 503:
      return {
        ...base,
        title: 'Konpro is unavailable right now',
        advice:
          retryAt === undefined
            ? 'Your change was not applied. Save again in a few minutes.'
            : `Your change was not applied. Save again after ${formatTime(retryAt)}.`,
        retryAt,
        retryAfterSeconds,
        pausedBecause: 'Konpro is unavailable',
      };
    case 504:
      return {
        ...base,
        title: 'Konpro did not answer in time',
        advice: MAYBE_APPLIED,
        reload: true,
      };
    default:
      return {
        ...base,
        title:
          error.status !== undefined && error.status >= 500
            ? 'Konpro failed while saving'
            : `The save failed (HTTP ${error.status ?? '?'})`,
        advice: 'Your change was probably not applied. Save again in a moment.',
      };
  }
}
