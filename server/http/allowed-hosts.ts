// DNS rebinding: a hostile page can point its own name at 127.0.0.1 and then call this server as
// "itself", with the browser's same-origin rules on its side. Only the Host header tells the two
// apart, so a request for any name not listed here is refused before it reaches anything.
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response';

/** A name admitted on any port, or on one port only. Names are lower case; IPv6 in brackets. */
export interface HostRule {
  name: string;
  port: number | undefined;
}

const NAME = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

/** Splits `name[:port]` as a Host header or an ALLOWED_HOSTS entry spells it; null if malformed. */
export function parseHost(text: string): HostRule | null {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const name = (match[1] ?? '').replace(/\.$/, '');
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (!NAME.test(name) || (port !== undefined && port > 65535)) return null;
  return { name, port };
}

/** ALLOWED_HOSTS as rules, or a message naming the entry that is not a host name. */
export function parseAllowedHosts(text: string): HostRule[] | string {
  const rules: HostRule[] = [];
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const rule = parseHost(entry);
    if (rule === null) {
      return `has ${JSON.stringify(entry)}, which is not a host name with an optional :port`;
    }
    rules.push(rule);
  }
  return rules.length > 0 ? rules : 'must list at least one host name';
}

/**
 * Loopback names, the name the server listens on and the host of PUBLIC_URL (the address admins
 * open, behind a proxy that passes the Host on), unless ALLOWED_HOSTS says otherwise.
 */
export function defaultAllowedHosts(listenHost: string, publicUrl?: string): HostRule[] {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  const own = parseHost(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  if (own && !names.includes(own.name)) names.push(own.name);
  const published = publicUrl === undefined ? null : parseHost(new URL(publicUrl).hostname);
  if (published && !names.includes(published.name)) names.push(published.name);
  return names.map((name) => ({ name, port: undefined }));
}

export function isAllowedHost(rules: readonly HostRule[], header: string | undefined): boolean {
  const host = header === undefined ? null : parseHost(header);
  if (host === null) return false;
  return rules.some(
    (rule) => rule.name === host.name && (rule.port === undefined || rule.port === host.port),
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function allowedHosts(rules: readonly HostRule[]): MiddlewareHandler {
  return async (c, next) => {
    // An absolute request target (`GET http://other/...`) names a host of its own: both must pass.
    // Browsers always send Host; only a request made in-process has none but its URL's.
    // A name URL parsing refuses (`xn--a`: no valid punycode) is no name this server answers.
    const target = hostOf(c.req.url);
    const header = c.req.header('host') ?? target ?? undefined;
    if (target !== null && isAllowedHost(rules, header) && isAllowedHost(rules, target)) {
      await next();
      return;
    }
    return errorResponse(
      421,
      'MISDIRECTED_REQUEST',
      'This server does not answer for that host name (see ALLOWED_HOSTS)',
    );
  };
}
