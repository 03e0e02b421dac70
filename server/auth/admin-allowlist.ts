// ADMIN_EMAILS decides who may use the editor. An address counts only when the provider vouches
// for it (`email_verified`): many providers let a user type any address into a profile, and an
// unverified `boss@example.com` must not pass for the boss.
//
// Addresses compare ignoring case in ASCII letters only, every other character exactly, with no
// Unicode folding or normalisation: `toLowerCase()` and NFC/NFKC turn the KELVIN SIGN (U+212A)
// into `k`, so `\u212Aate@example.com`, an address nobody at example.com owns, would pass for
// kate@example.com.
import { asciiLowerCase } from '../settings-sign-in';

/** `entries` as settings-sign-in.ts parsed them: lower case, `name@domain` or `*@domain`. */
export function isAdmin(
  entries: readonly string[],
  email: string,
  emailVerified: boolean,
): boolean {
  if (!emailVerified) return false;
  const address = asciiLowerCase(email.trim());
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const domain = address.slice(at + 1);
  // An address spelled like a domain entry is no address at all.
  if (address.startsWith('*@')) return false;
  // A domain entry admits that domain exactly: `*@example.com` does not admit `sub.example.com`.
  return entries.some((entry) =>
    entry.startsWith('*@') ? entry === `*@${domain}` : entry === address,
  );
}
