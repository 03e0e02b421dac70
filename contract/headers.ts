// Header names that the forwarder sets and the request log reads.

/** Konpro's own id for the call; the answer's `x-request-id` is this server's (server/log/request-log.ts). */
export const UPSTREAM_ID_HEADER = 'x-upstream-request-id';
