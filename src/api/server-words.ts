import { type ApiError, isEditorServerError } from './api-error';

/** A banner's quote of the server, attributed to whoever said it. */
export type ServerWords = {
  detail?: string | undefined;
  /** Who said `detail`: Konpro, or the editor's own server about Konpro. */
  detailFrom?: string | undefined;
  requestId?: string | undefined;
};

export function serverWords(error: ApiError): ServerWords {
  return {
    detail: error.serverMessage,
    detailFrom: isEditorServerError(error) ? 'The editor’s server' : 'Konpro',
    requestId: error.requestId,
  };
}

export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(epochMs);
}
