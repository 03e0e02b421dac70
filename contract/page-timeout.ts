// How long the page waits for an answer of /api. The server reads it too: its own deadline for
// Konpro must stay below it, so the admin sees the server's answer rather than a bare timeout.
export const DEFAULT_TIMEOUT_MS = 15_000;
