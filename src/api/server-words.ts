import { type ApiError, isEditorServerError } from './api-error';

/** A banner's quote of the server, attributed to whoever said it (ui/error-banner.tsx words it). */
export type ServerWords = {
  detail?: string | undefined;
  /** `detail` is the editor's own server speaking about Konpro, not Konpro itself. */
  fromEditorServer?: boolean | undefined;
  requestId?: string | undefined;
};

export function serverWords(error: ApiError): ServerWords {
  return {
    detail: error.serverMessage,
    fromEditorServer: isEditorServerError(error),
    requestId: error.requestId,
  };
}

/**
 * A time in the browser's locale, for texts not yet in the catalogues (a save's failure). Texts
 * from the catalogues say `{time, time}` instead, which the mount's locale formats.
 */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(epochMs);
}
