// Which port the browser tests' server listens on: 4317 unless E2E_PORT says otherwise. The run
// says so at its start, so a port already taken is no mystery.
export const DEFAULT_E2E_PORT = 4317;

export function e2ePort(env: Record<string, string | undefined>): number {
  const port = Number(env.E2E_PORT ?? DEFAULT_E2E_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`E2E_PORT must be a port number (1 to 65535), not "${env.E2E_PORT ?? ''}"`);
  }
  return port;
}

export function portNotice(port: number): string {
  return port === DEFAULT_E2E_PORT
    ? `Browser tests: the app's server listens on 127.0.0.1:${port} (set E2E_PORT to use another port)`
    : `Browser tests: the app's server listens on 127.0.0.1:${port} (from E2E_PORT)`;
}
