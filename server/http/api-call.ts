// Kept here, below the forwarder that sets it and the audit log that reads it, so the log needs
// nothing of the forwarder.
import type { ApiRoute } from '../../contract/routes';
import type { Endpoint } from '../../contract/schemas';

/** The call as the route table read it; the audit log writes its line from this. */
export interface ApiCall {
  route: ApiRoute;
  params: Record<string, string>;
  body: Uint8Array | undefined;
  /** It revealed a secret and changed nothing: the secret route, or an update that changes nothing. */
  secretRead?: boolean;
  /** The endpoint as stored before an update, when the forwarder read it (for the history). */
  before?: Endpoint;
}

declare module 'hono' {
  interface ContextVariableMap {
    apiCall?: ApiCall;
  }
}
