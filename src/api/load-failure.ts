// What the admin reads when the list or the catalog cannot be loaded: as specific as a failed
// save, since the same causes (configuration, rate limit, Konpro down) need the same advice. The
// words are messages of the app catalogue (the list page shows them), rendered by the mount.
import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { isApiError, isEditorServerError } from './api-error';
import { withValues } from './message-values';
import { type ServerWords, serverWords } from './server-words';

export type LoadFailure = ServerWords & {
  /** What went wrong and what to do, in one or two sentences. */
  advice: MessageDescriptor;
  /** No point trying again before this (epoch ms), from Retry-After. */
  retryAt?: number | undefined;
  retryAfterSeconds?: number | undefined;
};

export function describeLoadFailure(error: unknown, online: boolean, now: number): LoadFailure {
  if (!online) return { advice: msg`You are offline. Try again once you are back online.` };
  if (!isApiError(error)) return { advice: msg`Something unexpected went wrong. Try again.` };
  const base = serverWords(error);
  const { retryAfterSeconds } = error;
  const retryAt = retryAfterSeconds === undefined ? undefined : now + retryAfterSeconds * 1000;
  const at = (descriptor: MessageDescriptor) => withValues(descriptor, { time: retryAt });

  if (error.kind === 'network') {
    return { advice: msg`The server could not be reached. Check your connection, then try again.` };
  }
  if (error.kind === 'timeout') {
    const seconds = error.timeoutSeconds;
    return {
      advice:
        seconds === undefined
          ? msg`The server did not answer in time. Konpro may be slow right now: try again in a moment.`
          : msg`The server did not answer within ${plural(seconds, { one: '# second', other: '# seconds' })}. Konpro may be slow right now: try again in a moment.`,
    };
  }
  if (error.kind === 'invalid-response') {
    return {
      ...base,
      advice: msg`The server answered in a way the editor cannot read. Try again; if it persists, give the request id to whoever runs this editor.`,
    };
  }
  switch (error.status) {
    case 401:
      return {
        ...base,
        advice: msg`The editor’s API key was refused. This is a configuration problem, not something you did: ask whoever runs this editor to check its Konpro API key.`,
      };
    case 403:
      return {
        ...base,
        advice: msg`The editor is not allowed to read webhooks. This is a configuration problem: ask whoever runs this editor to give its API key access to webhooks.`,
      };
    case 429:
      return {
        ...base,
        advice:
          retryAt === undefined
            ? msg`Konpro’s rate limit was reached. Wait a minute, then try again.`
            : at(msg`Konpro’s rate limit was reached. You can try again at {time, time}.`),
        retryAt,
        retryAfterSeconds,
      };
    case 502:
      return {
        ...base,
        advice: isEditorServerError(error)
          ? msg`The editor’s server could not reach Konpro. Try again in a moment.`
          : msg`A proxy on the way to Konpro failed (HTTP 502). Try again in a moment.`,
      };
    case 503:
      return {
        ...base,
        advice:
          retryAt === undefined
            ? msg`Konpro is unavailable right now. Try again in a few minutes.`
            : at(msg`Konpro is unavailable right now. Try again after {time, time}.`),
        retryAt,
        retryAfterSeconds,
      };
    case 504:
      return { ...base, advice: msg`Konpro did not answer in time. Try again in a moment.` };
    default: {
      const status = String(error.status ?? '?');
      return {
        ...base,
        advice:
          error.status !== undefined && error.status >= 500
            ? msg`Konpro failed while answering. Try again in a moment.`
            : msg`The server refused the request (HTTP ${status}). Try again; if it persists, give the request id to whoever runs this editor.`,
      };
    }
  }
}
