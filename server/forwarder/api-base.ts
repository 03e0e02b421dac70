// Konpro's base URL, as the server's KONPRO_API_BASE and a portal's `apiBase` both give it. Messages
// complete a sentence that starts with the setting's name.
import { z } from 'zod';

/** `user:password@` in a URL, as URL parsing reads it or as text: `//` … `@` before the path. */
export function hasUserInfo(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[\\/]*[^\\/?#]*@/i.test(text);
}

export const KONPRO_API_BASE = 'https://api.konpro.ai';

export const apiBaseSchema = z
  .url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${KONPRO_API_BASE}` })
  .refine((url) => !/[?#]/.test(url), { error: 'must not contain a query or #fragment' })
  // A password in the URL would be printed at start and in every forwarding error line.
  .refine((url) => !hasUserInfo(url), {
    error: 'must not contain a user name or password (the API key is sent instead)',
  })
  .transform((url) => url.replace(/\/+$/, ''))
  .refine((url) => !/\/v1$/.test(url), {
    error: `must not end in /v1: /v1 is added to it (use e.g. ${KONPRO_API_BASE})`,
  });
