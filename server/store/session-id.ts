// A session's id is 32 random bytes (base64url, 43 characters) and is all the cookie carries. The
// store keeps only its SHA-256, so a copy of the store's rows or file opens no session.
import { createHash, randomBytes } from 'node:crypto';

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}
