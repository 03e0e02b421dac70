// Who may use the server's Konpro key: admins signed in with the company's OpenID Connect provider,
// or, with KONPRO_AUTH=none, whoever an authenticating proxy in front lets through. Without either,
// the server may listen on loopback only, where nobody but this machine's users can reach it.
import { z } from 'zod';
import type { HostRule } from './http/allowed-hosts';

export interface SignInSettings {
  /** The provider's issuer URL; its metadata is discovered from it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The origin admins open, without a trailing slash; the redirect URI hangs below it. */
  publicUrl: string;
  sessionSecret: string;
  /** Lower-case entries: `admin@example.com`, or `*@example.com` for a whole domain. */
  adminEmails: string[];
  /** How long a session lasts after sign-in, in seconds. */
  sessionMaxAgeSeconds: number;
}

export const MIN_SESSION_SECRET_LENGTH = 32;
export const DEFAULT_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const EMAIL = /^[^\s@,*]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const DOMAIN_ENTRY = /^\*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL such as https://login.example.com' })
  .refine((url) => !/[?#]/.test(url), { error: 'must not contain a query or #fragment' })
  .transform((url) => url.replace(/\/+$/, ''));

/** The sign-in variables, merged into the server's environment schema. */
export const signInEnvFields = {
  OIDC_ISSUER: httpsUrl.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be the address admins open, such as https://webhooks.example.com',
    })
    .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), {
      error: 'must be an origin without a path, query or #fragment (the app is served at /)',
    })
    .transform((url) => new URL(url).origin)
    .optional(),
  SESSION_SECRET: z
    .string()
    .min(MIN_SESSION_SECRET_LENGTH, {
      error: `must be at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`,
    })
    .optional(),
  SESSION_MAX_AGE: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number of seconds from 60 to 604800 (7 days)' })
    .transform(Number)
    .refine((n) => n >= 60 && n <= 604_800, {
      error: 'must be a whole number of seconds from 60 to 604800 (7 days)',
    })
    .default(DEFAULT_SESSION_MAX_AGE_SECONDS),
  ADMIN_EMAILS: z.string().optional(),
  KONPRO_AUTH: z
    .enum(['none'], {
      error: 'can only be none (an authenticating proxy stands in front); leave it unset otherwise',
    })
    .optional(),
};

type SignInEnv = {
  HOST: string;
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_CLIENT_SECRET?: string | undefined;
  PUBLIC_URL?: string | undefined;
  SESSION_SECRET?: string | undefined;
  SESSION_MAX_AGE: number;
  ADMIN_EMAILS?: string | undefined;
  KONPRO_AUTH?: 'none' | undefined;
};

export type SignInResult =
  | { ok: true; signIn: SignInSettings | undefined; proxyAuth: boolean }
  | { ok: false; error: string };

const NEEDED = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'PUBLIC_URL',
  'SESSION_SECRET',
  'ADMIN_EMAILS',
] as const;

export const HOW_TO_SIGN_IN =
  'set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL, SESSION_SECRET and ADMIN_EMAILS ' +
  'so admins sign in (see README, "Deploying it for a team"), or KONPRO_AUTH=none if an ' +
  'authenticating proxy stands in front';

export function resolveSignIn(env: SignInEnv): SignInResult {
  if (env.OIDC_ISSUER === undefined) {
    // PUBLIC_URL alone is fine: behind a proxy it still names the host admins open.
    const stray = NEEDED.filter((name) => name !== 'PUBLIC_URL' && env[name] !== undefined);
    if (stray.length > 0) {
      return { ok: false, error: `${stray.join(', ')} set without OIDC_ISSUER: ${HOW_TO_SIGN_IN}` };
    }
    if (env.KONPRO_AUTH === undefined && !isLoopback(env.HOST)) {
      return {
        ok: false,
        error:
          `HOST ${env.HOST} is reachable from other machines, and nobody signs in: ` +
          `${HOW_TO_SIGN_IN}, or listen on HOST=127.0.0.1`,
      };
    }
    return { ok: true, signIn: undefined, proxyAuth: env.KONPRO_AUTH === 'none' };
  }
  if (env.KONPRO_AUTH === 'none') {
    return {
      ok: false,
      error: 'KONPRO_AUTH=none turns sign-in off, yet OIDC_ISSUER is set: keep one of the two',
    };
  }
  const missing = NEEDED.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, error: `${missing.join(', ')} must be set with OIDC_ISSUER` };
  }
  const adminEmails = parseAdminEmails(env.ADMIN_EMAILS ?? '');
  if (typeof adminEmails === 'string') return { ok: false, error: `ADMIN_EMAILS ${adminEmails}` };
  return {
    ok: true,
    proxyAuth: false,
    signIn: {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID ?? '',
      clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      publicUrl: env.PUBLIC_URL ?? '',
      sessionSecret: env.SESSION_SECRET ?? '',
      adminEmails,
      sessionMaxAgeSeconds: env.SESSION_MAX_AGE,
    },
  };
}

/**
 * Lower-cases A-Z and nothing else: how ADMIN_EMAILS entries and the provider's addresses are
 * compared (see auth/admin-allowlist.ts for why no Unicode folding).
 */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** ADMIN_EMAILS as lower-case entries, or a message naming the entry that is neither form. */
export function parseAdminEmails(text: string): string[] | string {
  const entries: string[] = [];
  for (const raw of text.split(',')) {
    const entry = asciiLowerCase(raw.trim());
    if (entry === '') continue;
    if (!EMAIL.test(entry) && !DOMAIN_ENTRY.test(entry)) {
      return `has ${JSON.stringify(raw.trim())}, which is neither an email address nor *@domain`;
    }
    entries.push(entry);
  }
  return entries.length > 0 ? entries : 'must list at least one email address or *@domain';
}

/**
 * Without sign-in, the names the server answers must be loopback too: a public PUBLIC_URL or an
 * ALLOWED_HOSTS entry means a proxy on this machine forwards the world to it, and nobody would
 * decide who gets in. Null when every name is loopback, else the one line that stops the start.
 */
export function exposedWithoutSignIn(
  publicUrl: string | undefined,
  allowedHostsSetting: string | undefined,
  allowedHosts: readonly HostRule[],
): string | null {
  const reason = (what: string) =>
    `${what}, which other machines reach through a proxy, and nobody signs in: ` +
    `${HOW_TO_SIGN_IN}, or name only loopback addresses`;
  const published = publicUrl === undefined ? null : new URL(publicUrl).hostname;
  if (published !== null && !isLoopback(published)) {
    return reason(`PUBLIC_URL names ${published}`);
  }
  const listed = allowedHostsSetting === undefined ? undefined : allowedHosts;
  const outside = listed?.find((rule) => !isLoopback(rule.name));
  return outside === undefined ? null : reason(`ALLOWED_HOSTS lists ${outside.name}`);
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    name === 'localhost' ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(name)
  );
}
