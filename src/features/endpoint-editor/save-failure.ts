// What the admin reads when a save fails: what happened, and what to do about it. Every case keeps
// the form as typed, so the advice never says "type it again".
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { isApiError, isEditorServerError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { isSignInRequired } from '../../api/sign-in-required';
import { type ServerWords, serverWords } from '../../api/server-words';
import { formatTime } from '../../i18n/editor-formats';

export type SaveFailure = ServerWords & {
  title: string;
  advice: string;
  /** When a retry can succeed (epoch ms), from Retry-After. */
  retryAt?: number | undefined;
  /** The seconds Retry-After asked for, counted down beside the paused Save. */
  retryAfterSeconds?: number | undefined;
  /** Why Save is paused until `retryAt`: said beside it with the seconds left. */
  pausedBecause?: 'rate-limit' | 'unavailable' | undefined;
  /** The endpoint is gone: offer the way back to the list. */
  gone?: boolean;
  /** The advice is to reload: offer a button that does, keeping the draft. */
  reload?: boolean;
};

const MAYBE_APPLIED = msg`The change may or may not have been applied: reload this endpoint to check before saving again.`;
// A save reads the endpoint before writing; when that read fails, nothing was sent at all.
const NOT_SENT = msg`Nothing was sent: the editor reads the endpoint before saving, and that read failed. Save again in a moment.`;

/** In the mount's language (`i18n`), with times in its formats. */
export function describeSaveFailure(
  i18n: I18n,
  error: unknown,
  online: boolean,
  now: number,
  nothingSent = false,
): SaveFailure {
  const failure = describe(i18n, error, online, now);
  return nothingSent && failure.reload
    ? { ...failure, advice: i18n._(NOT_SENT), reload: false }
    : failure;
}

function describe(i18n: I18n, error: unknown, online: boolean, now: number): SaveFailure {
  const say = (message: MessageDescriptor) => i18n._(message);
  if (!isApiError(error)) {
    return {
      title: say(msg`The save failed unexpectedly`),
      advice: say(msg`Your edits are kept. Save again.`),
    };
  }
  const base = serverWords(error);
  const { retryAfterSeconds } = error;
  const retryAt = retryAfterSeconds === undefined ? undefined : now + retryAfterSeconds * 1000;
  // When Save may be pressed again, in the mount's locale (never the browser's).
  const at = retryAt === undefined ? '' : formatTime(i18n.locale, retryAt);

  if (error.kind === 'network') {
    return online
      ? {
          title: say(msg`The server could not be reached`),
          advice: say(msg`Your edits are kept. Check your connection, then save again.`),
        }
      : {
          title: say(msg`You are offline`),
          advice: say(msg`Your edits are kept. Save again once you are back online.`),
        };
  }
  if (error.kind === 'timeout') {
    return { title: say(apiErrorText(error)), advice: say(MAYBE_APPLIED), reload: true };
  }
  if (error.kind === 'invalid-response') {
    return {
      ...base,
      title: say(msg`The server’s answer could not be read`),
      advice: say(MAYBE_APPLIED),
      reload: true,
    };
  }

  switch (error.status) {
    case 400:
    case 422:
      return {
        ...base,
        title: say(msg`Konpro refused the change`),
        advice: say(msg`Correct what it names and save again.`),
      };
    case 401:
      if (isSignInRequired(error)) {
        // This server's own answer, not Konpro's words: only the request id is worth showing.
        return {
          requestId: error.requestId,
          title:
            error.code === 'SESSION_EXPIRED'
              ? say(msg`Not saved: your sign-in has expired`)
              : say(msg`Not saved: you are signed out`),
          advice: say(
            msg`Your edits are kept. Sign in again with the button at the top, then save.`,
          ),
        };
      }
      return {
        ...base,
        title: say(msg`The editor’s API key was refused`),
        advice: say(
          msg`This is a configuration problem, not something you did: ask whoever runs this editor to check its Konpro API key.`,
        ),
      };
    case 403:
      return {
        ...base,
        title: say(msg`This editor is not allowed to change the endpoint`),
        advice: say(
          msg`This is a configuration problem: ask whoever runs this editor to give its API key access to webhooks.`,
        ),
      };
    case 404:
      return {
        ...base,
        title: say(msg`This endpoint no longer exists`),
        advice: say(
          msg`It may have been deleted. Your edits are still on this page; go back to the list.`,
        ),
        gone: true,
      };
    case 409:
      return {
        ...base,
        title: say(msg`Someone else changed this endpoint at the same time`),
        advice: say(msg`Reload to see the latest values; your edits stay in the form.`),
        reload: true,
      };
    case 412:
      return {
        ...base,
        title: say(msg`This endpoint keeps changing elsewhere`),
        advice: say(
          msg`Nothing was sent: each time, someone else saved first. Reload to see the latest values; your edits stay in the form.`,
        ),
        reload: true,
      };
    case 413:
      return {
        ...base,
        title: say(msg`The change is too large for the server`),
        advice: say(msg`Shorten the URL or choose fewer events, then save again.`),
      };
    case 429:
      return {
        ...base,
        title: say(msg`Too many requests`),
        advice:
          retryAt === undefined
            ? say(msg`Konpro’s rate limit was reached. Wait a minute, then save again.`)
            : say(msg`Konpro’s rate limit was reached. You can save again at ${at}.`),
        retryAt,
        retryAfterSeconds,
        pausedBecause: 'rate-limit',
      };
    case 502:
      // Only this project's server says for sure that Konpro was never reached. A proxy's 502
      // (an HTML page, or a code of someone else) may come after Konpro has acted.
      return isEditorServerError(error)
        ? {
            ...base,
            title: say(msg`The editor’s server could not reach Konpro`),
            advice: say(msg`Your change was not applied. Save again in a moment.`),
          }
        : {
            ...base,
            title: say(msg`A proxy on the way to Konpro failed (HTTP 502)`),
            advice: say(MAYBE_APPLIED),
          };
    case 503:
      return {
        ...base,
        title: say(msg`Konpro is unavailable right now`),
        advice:
          retryAt === undefined
            ? say(msg`Your change was not applied. Save again in a few minutes.`)
            : say(msg`Your change was not applied. Save again after ${at}.`),
        retryAt,
        retryAfterSeconds,
        pausedBecause: 'unavailable',
      };
    case 504:
      return {
        ...base,
        title: say(msg`Konpro did not answer in time`),
        advice: say(MAYBE_APPLIED),
        reload: true,
      };
    default: {
      const status = error.status ?? '?';
      return {
        ...base,
        title:
          error.status !== undefined && error.status >= 500
            ? say(msg`Konpro failed while saving`)
            : say(msg`The save failed (HTTP ${status})`),
        advice: say(msg`Your change was probably not applied. Save again in a moment.`),
      };
    }
  }
}

/** Reload endpoint failed: the form is untouched. */
export function describeReloadFailure(i18n: I18n, error: unknown): SaveFailure {
  const reason = isApiError(error)
    ? (error.serverMessage ?? i18n._(apiErrorText(error)))
    : i18n._(msg`An unexpected error happened.`);
  return {
    title: i18n._(msg`The endpoint could not be reloaded`),
    advice: i18n._(msg`${reason} Your edits are kept.`),
    requestId: isApiError(error) ? error.requestId : undefined,
    reload: true,
  };
}
