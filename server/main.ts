// `node dist/server/main.js`: reads the settings, opens the emulator's data, listens, and stops
// cleanly on SIGTERM/SIGINT (server/shutdown.ts: saves in flight finish first). Start-up problems
// end the process with one line, never a stack trace.
import { fileURLToPath } from 'node:url';
import { createApp, storeFolder } from './app';
import { checkProvider } from './auth/check-provider';
import { Drain } from './http/drain';
import { openStore } from './store/open-store';
import type { Store } from './store/store';
import { listen } from './listen';
import { EndpointStore } from './emulator/endpoint-store';
import { createLogger } from './log/logger';
import { DEV_API_KEY, parseSettings, type Settings } from './settings';
import { isLoopback } from './settings-sign-in';
import { stopOnSignals } from './shutdown';

const NAME = 'Konpro webhook editor';
/** How long the address waits for the provider's verdict, so that comes first. */
const PROVIDER_CHECK_WAIT_MS = 3000;

function fail(message: string): never {
  console.error(`${NAME} cannot start: ${message}`);
  process.exit(1);
}

function describeSignIn(settings: Settings): string {
  if (settings.signIn) return `admins sign in with ${settings.signIn.issuer}`;
  return settings.proxyAuth ? 'no sign-in: KONPRO_AUTH=none' : 'no sign-in, loopback only';
}

function describeMode(settings: Settings): string {
  if (settings.apiBase !== undefined) return `forwarding to ${settings.apiBase}`;
  // Only the well-known dev key is printed: a key set by hand may be a real one.
  return settings.apiKey === DEV_API_KEY
    ? `emulator mode, dev key: ${DEV_API_KEY}`
    : 'emulator mode, key from KONPRO_API_KEY';
}

/** An address a browser can open: a wildcard (0.0.0.0, ::) is not one, its loopback is. */
function openableAddress(address: string, port: number): string {
  if (address === '0.0.0.0') return `http://127.0.0.1:${port} (listening on every IPv4 address)`;
  if (address === '::') return `http://[::1]:${port} (listening on every address)`;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

function isLoopbackUrl(url: string): boolean {
  return isLoopback(new URL(url).hostname);
}

async function main(): Promise<void> {
  // The bundle lives in dist/server; the client build sits beside it in dist/client.
  const defaultStaticDir = fileURLToPath(new URL('../client', import.meta.url));
  const parsed = parseSettings(process.env, { defaultStaticDir });
  if (!parsed.ok) fail(parsed.error);
  const { settings } = parsed;

  let store: EndpointStore | undefined;
  if (settings.apiBase === undefined) {
    try {
      store = EndpointStore.open(settings.emulator.dataFile);
      await store.flushed();
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }

  const logger = createLogger(settings.logLevel);
  let editorStore: Store;
  try {
    editorStore = await openStore({
      databaseUrl: settings.databaseUrl,
      folder: storeFolder(settings),
      historyDays: settings.historyDays,
      log: (line) => logger.warn(line),
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const app = createApp(settings, store ? { store, logger, editorStore } : { logger, editorStore });
  const drain = new Drain();
  // Asked while the server starts listening; its verdict comes before the address, within a
  // few seconds (a provider that stays silent is named when its timeout ends, after the address).
  const providerCheck = settings.signIn ? checkProvider(settings.signIn) : Promise.resolve(null);
  const warnAboutProvider = (line: string | null) => {
    if (line !== null) console.warn(`${NAME}: ${line}`);
  };
  const server = listen(app, { hostname: settings.host, port: settings.port, drain }, (info) => {
    if (settings.proxyAuth) {
      console.warn(
        `${NAME}: KONPRO_AUTH=none: this server signs nobody in and trusts the proxy in front of it ` +
          'to let only admins through; anyone who reaches it directly can use its Konpro key.',
      );
    }
    if (
      settings.signIn?.publicUrl.startsWith('http:') &&
      !isLoopbackUrl(settings.signIn.publicUrl)
    ) {
      console.warn(
        `${NAME}: PUBLIC_URL is plain http: session cookies travel unencrypted; put TLS in front and use https.`,
      );
    }
    if (settings.apiBase === undefined) {
      console.log(`  emulator data file: ${settings.emulator.dataFile}`);
    }
    console.log(
      `  sessions and history: ${editorStore.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : storeFolder(settings)}`,
    );
    // The address is the last line: what a reader of the start-up output looks for.
    const printAddress = () =>
      console.log(
        `${NAME}: ${openableAddress(info.address, info.port)}  (${describeMode(settings)}; ${describeSignIn(settings)})`,
      );
    let printed = false;
    const timer = setTimeout(() => {
      printed = true;
      printAddress();
    }, PROVIDER_CHECK_WAIT_MS);
    void providerCheck.then((line) => {
      warnAboutProvider(line);
      if (printed) return;
      clearTimeout(timer);
      printAddress();
    });
  });
  server.on('error', (error: Error) =>
    fail(`cannot listen on ${settings.host}:${settings.port}: ${error.message}`),
  );

  stopOnSignals({
    drain,
    logger,
    beforeExit: async () => {
      await store?.flushed();
      await editorStore.close();
    },
  });
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
