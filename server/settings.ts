// All configuration comes from the environment and is checked once at start, so a typo stops the
// server with one line naming the setting instead of surfacing later as a confusing request error.
import { isAbsolute, join, resolve } from 'node:path';
import { defaultAllowedHosts, parseAllowedHosts, type HostRule } from './http/allowed-hosts';
import { parseKeyPairs } from './settings-key-pairs';
import { hasUserInfo } from './forwarder/api-base';
import { DEV_API_KEY, envSchema, SECRET_SETTINGS } from './settings-schema';
import {
  exposedWithoutSignIn,
  isLoopback,
  resolveSignIn,
  type SignInSettings,
} from './settings-sign-in';

export type { SignInSettings } from './settings-sign-in';

export { DEV_API_KEY } from './settings-schema';
const DEV_USERNAME = 'demo';

export interface Settings {
  host: string;
  port: number;
  /** The Host headers the server answers; any other gets 421. */
  allowedHosts: HostRule[];
  /** Konpro's base URL without `/v1`; undefined means the embedded emulator answers instead. */
  apiBase: string | undefined;
  /** The key added to every forwarded call; in emulator mode also the key of user `demo`. */
  apiKey: string;
  upstreamTimeoutMs: number;
  frameAncestors: string;
  staticDir: string;
  /** Set when admins sign in with OpenID Connect (OIDC_ISSUER and its companions). */
  signIn: SignInSettings | undefined;
  /** KONPRO_AUTH=none: an authenticating proxy in front decides who gets in. */
  proxyAuth: boolean;
  /** The address admins open, when set; its host is answered by default. */
  publicUrl: string | undefined;
  logLevel: string;
  /** PostgreSQL for sessions, history and the write lock; the embedded store when undefined. */
  databaseUrl: string | undefined;
  /** How long the change history is kept. */
  historyDays: number;
  /**
   * KONPRO_CHECK_ALLOW_LOOPBACK=1: loopback https receivers pass the URL check, the page's URL
   * rule and the emulator's; only while the server listens on loopback itself.
   */
  checkAllowLoopback: boolean;
  emulator: {
    dataFile: string;
    /** API key → username, the dev key included. */
    users: ReadonlyMap<string, string>;
    rateLimitPerMinute: number;
    checkUrls: boolean;
    envelope: 'konpro' | 'heygen';
  };
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

export interface SettingsContext {
  cwd?: string;
  /** Where the built client lives; main.ts derives it from the bundle's own location. */
  defaultStaticDir?: string;
}

export function parseSettings(
  env: Record<string, string | undefined>,
  context: SettingsContext = {},
): SettingsResult {
  // An empty variable (`PORT=`) is treated as unset, as shells and compose files often produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v?.trim()));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = present[name] ?? '';
      const secret = SECRET_SETTINGS.has(name) || hasUserInfo(value);
      const got = secret ? '' : ` (got ${JSON.stringify(value)})`;
      return `${name} ${issue.message}${got}`;
    });
    return { ok: false, error: problems.join('; ') };
  }
  const e = parsed.data;
  const apiKey = e.KONPRO_API_KEY ?? DEV_API_KEY;
  const users = parseKeyPairs(e.KONPRO_EMULATOR_KEYS ?? '', apiKey, DEV_USERNAME);
  if (typeof users === 'string') return { ok: false, error: `KONPRO_EMULATOR_KEYS ${users}` };

  const signIn = resolveSignIn(e);
  if (!signIn.ok) return { ok: false, error: signIn.error };

  const allowedHosts =
    e.ALLOWED_HOSTS === undefined
      ? defaultAllowedHosts(e.HOST, e.PUBLIC_URL)
      : parseAllowedHosts(e.ALLOWED_HOSTS);
  if (typeof allowedHosts === 'string')
    return { ok: false, error: `ALLOWED_HOSTS ${allowedHosts}` };
  if (signIn.signIn === undefined && !signIn.proxyAuth) {
    const exposed = exposedWithoutSignIn(e.PUBLIC_URL, e.ALLOWED_HOSTS, allowedHosts);
    if (exposed !== null) return { ok: false, error: exposed };
  }

  const checkAllowLoopback = e.KONPRO_CHECK_ALLOW_LOOPBACK === '1';
  if (checkAllowLoopback) {
    const exposed = loopbackReceiversExposed(e.HOST, e.PUBLIC_URL, e.ALLOWED_HOSTS, allowedHosts);
    if (exposed !== null) return { ok: false, error: exposed };
  }

  const cwd = context.cwd ?? process.cwd();
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  return {
    ok: true,
    settings: {
      host: e.HOST,
      port: e.PORT,
      allowedHosts,
      apiBase: e.KONPRO_API_BASE,
      apiKey,
      upstreamTimeoutMs: e.KONPRO_UPSTREAM_TIMEOUT_MS,
      frameAncestors: e.FRAME_ANCESTORS.trim(),
      staticDir: path(e.STATIC_DIR ?? context.defaultStaticDir ?? join(cwd, 'dist/client')),
      signIn: signIn.signIn,
      proxyAuth: signIn.proxyAuth,
      publicUrl: e.PUBLIC_URL,
      logLevel: e.LOG_LEVEL,
      databaseUrl: e.DATABASE_URL,
      historyDays: e.HISTORY_DAYS,
      checkAllowLoopback,
      emulator: {
        dataFile: path(e.KONPRO_DATA_FILE),
        users,
        rateLimitPerMinute: e.KONPRO_EMULATOR_RATE_LIMIT,
        checkUrls: e.KONPRO_EMULATOR_CHECK_URLS === '1',
        envelope: e.KONPRO_EMULATOR_ENVELOPE,
      },
    },
  };
}

/**
 * KONPRO_CHECK_ALLOW_LOOPBACK lets admins make this server connect to its own machine: fine on a
 * developer's machine, a way in to local services for anyone who reaches a shared one. Null when
 * every name the server is reached by is loopback, else the one line that stops the start.
 */
function loopbackReceiversExposed(
  host: string,
  publicUrl: string | undefined,
  allowedHostsSetting: string | undefined,
  allowedHosts: readonly HostRule[],
): string | null {
  const published = publicUrl === undefined ? null : new URL(publicUrl).hostname;
  const listed = allowedHostsSetting === undefined ? undefined : allowedHosts;
  const outside = listed?.find((rule) => !isLoopback(rule.name));
  const reached = !isLoopback(host)
    ? `HOST is ${host}`
    : published !== null && !isLoopback(published)
      ? `PUBLIC_URL names ${published}`
      : outside === undefined
        ? null
        : `ALLOWED_HOSTS lists ${outside.name}`;
  if (reached === null) return null;
  return (
    `KONPRO_CHECK_ALLOW_LOOPBACK=1 lets a URL check reach this machine's own services, and ` +
    `other machines reach this server (${reached}): unset KONPRO_CHECK_ALLOW_LOOPBACK, or name ` +
    'only loopback addresses'
  );
}
