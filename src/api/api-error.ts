// Every failure of a call to the API becomes one ApiError, whatever shape the server chose:
// Konpro's documented `{error: {...}, request_id}`, its SDK's variants, FastAPI's `detail`,
// HeyGen's `{code, message}`, or a body that is not JSON at all (a proxy's HTML page).

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

export type ApiErrorInit = {
  kind: ApiErrorKind;
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  field?: string | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** A timeout's wait, for the words that name it. */
  timeoutSeconds?: number | undefined;
  /** What the server itself said, when it said anything readable. */
  serverMessage?: string | undefined;
  /** The answer had a body that was not JSON: a proxy's page rather than Konpro or this server. */
  notJson?: boolean | undefined;
};

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string;
  /** The request field the server blamed, e.g. `url` or `events`. */
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly serverMessage: string | undefined;
  readonly notJson: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code ?? defaultCode(init);
    this.field = init.field;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.timeoutSeconds = init.timeoutSeconds;
    this.serverMessage = init.serverMessage;
    this.notJson = init.notJson ?? false;
  }
}

function defaultCode({ kind, status }: ApiErrorInit): string {
  if (kind === 'network') return 'NETWORK_ERROR';
  if (kind === 'timeout') return 'TIMEOUT';
  if (kind === 'invalid-response') return 'INVALID_RESPONSE';
  return status === undefined ? 'UNKNOWN_ERROR' : `HTTP_${status}`;
}

// The editor's own server names the upstream in its codes (UPSTREAM_TIMEOUT, UPSTREAM_UNREACHABLE,
// ...); Konpro's codes never do. Its other own answers: a crash, a body over its limit, and the
// refusals of its defences (a cross-site request, an unknown Host).
const EDITOR_SERVER_CODES =
  /^(UPSTREAM_[A-Z_]+|INTERNAL_ERROR|PAYLOAD_TOO_LARGE|CROSS_SITE_REQUEST|MISDIRECTED_REQUEST)$/;

/** The error came from the editor's own server (its forwarder), not from Konpro. */
export function isEditorServerError(error: ApiError): boolean {
  return error.kind === 'http' && EDITOR_SERVER_CODES.test(error.code);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
