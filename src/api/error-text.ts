// What the admin reads for a failed request, chosen by its kind, code and status: the translated
// counterpart of ApiError's English `message` (which stays for logs and the host's `onError`).
// Show it with the server's own words (`serverMessage`) and the request id beside it. Messages of
// the editor catalogue: only the editor's chunk shows a request's own failure.
import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import type { ApiError } from './api-error';

export function apiErrorText(error: ApiError): MessageDescriptor {
  switch (error.kind) {
    case 'timeout': {
      const seconds = error.timeoutSeconds;
      return seconds === undefined
        ? msg`The server did not answer in time.`
        : msg`The server did not answer within ${plural(seconds, { one: '# second', other: '# seconds' })}.`;
    }
    case 'network':
      return msg`Could not reach the server. Check your connection and try again.`;
    case 'invalid-response':
      return error.notJson
        ? msg`The server answered with something that is not JSON.`
        : msg`The server answered in a shape this editor does not know.`;
    case 'http':
      return httpText(error);
  }
}

function httpText(error: ApiError): MessageDescriptor {
  const status = String(error.status ?? '?');
  if (error.notJson) {
    return msg`The server answered with an error (HTTP ${status}) that was not JSON, so it probably came from a proxy.`;
  }
  switch (error.code) {
    case 'SIGN_IN_REQUIRED':
    case 'SESSION_EXPIRED':
      return msg`You are signed out. Sign in again, then try again.`;
    case 'DELETE_NOT_OFFERED':
      return msg`The server answered “not found”, yet the endpoint is still in its list.`;
  }
  switch (error.status) {
    case 400:
    case 422:
      return msg`The server refused the request as invalid.`;
    case 401:
      return msg`The server did not accept its API key.`;
    case 403:
      return msg`The API key is not allowed to change this endpoint.`;
    case 404:
      return msg`The endpoint was not found.`;
    case 409:
    case 412:
      return msg`The endpoint was changed by someone else at the same time.`;
    case 413:
      return msg`The request is too large.`;
    case 429:
      return msg`Too many requests: the rate limit was reached.`;
    case 500:
      return msg`The server failed while handling the request.`;
    case 502:
      return msg`The server could not reach Konpro.`;
    case 503:
      return msg`Konpro is unavailable right now.`;
    case 504:
      return msg`Konpro did not answer in time.`;
    default:
      return msg`The server answered with an error (HTTP ${status}).`;
  }
}
