// The session lives in the admin's browser, in a cookie the server encrypted and authenticated
// (JWE, A256GCM, with a key derived from SESSION_SECRET): the browser can neither read nor change
// it, and it expires. The pending sign-in (state, nonce, PKCE verifier) travels the same way under
// a key of its own, so neither cookie can stand in for the other.
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export type Purpose = 'session' | 'sign-in';

/**
 * What a browser keeps of one cookie: name and value together, 4,096 bytes at most, and one byte
 * more drops the whole cookie without a word. The margin leaves room for a longer name.
 */
export const COOKIE_BYTES = 4000;

export type Opened =
  | { ok: true; payload: Record<string, unknown>; expiresAt: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export interface SealedCookie {
  /** The cookie's name: `__Host-` prefixed when it may travel over https only. */
  name: string;
  seal(payload: Record<string, unknown>, maxAgeSeconds: number, now?: number): Promise<string>;
  open(token: string | undefined, now?: number): Promise<Opened>;
  read(c: Context, now?: number): Promise<Opened>;
  /** Writes a value `seal` made; it must fit (see `fits`). */
  write(c: Context, sealed: string, maxAgeSeconds: number): void;
  clear(c: Context): void;
  /** Whether a sealed value fits beside this cookie's name within COOKIE_BYTES. */
  fits(sealed: string): boolean;
}

const HEADER = { alg: 'dir', enc: 'A256GCM' } as const;

export function sealedCookie(purpose: Purpose, secret: string, secure: boolean): SealedCookie {
  const key = new Uint8Array(
    hkdfSync('sha256', secret, 'konpro-webhook-editor', `cookie:${purpose}`, 32),
  );
  const base = purpose === 'session' ? 'kwe_session' : 'kwe_sign_in';
  const name = secure ? `__Host-${base}` : base;
  const options = { path: '/', httpOnly: true, sameSite: 'Lax', secure } as const;

  const seal = (payload: Record<string, unknown>, maxAgeSeconds: number, now = Date.now()) => {
    const issuedAt = Math.floor(now / 1000);
    return new EncryptJWT(payload)
      .setProtectedHeader(HEADER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + maxAgeSeconds)
      .encrypt(key);
  };

  const open = async (token: string | undefined, now = Date.now()): Promise<Opened> => {
    if (token === undefined || token === '') return { ok: false, reason: 'missing' };
    try {
      const { payload } = await jwtDecrypt(token, key, {
        currentDate: new Date(now),
        keyManagementAlgorithms: [HEADER.alg],
        contentEncryptionAlgorithms: [HEADER.enc],
      });
      return { ok: true, payload, expiresAt: (payload.exp ?? 0) * 1000 };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  };

  return {
    name,
    seal,
    open,
    read: (c, now) => open(getCookie(c, name), now),
    write: (c, sealed, maxAgeSeconds) => {
      if (name.length + 1 + sealed.length > COOKIE_BYTES) {
        throw new Error(`the ${base} cookie would pass ${COOKIE_BYTES} bytes`);
      }
      setCookie(c, name, sealed, { ...options, maxAge: maxAgeSeconds });
    },
    clear: (c) => {
      deleteCookie(c, name, options);
    },
    fits: (sealed) => name.length + 1 + sealed.length <= COOKIE_BYTES,
  };
}
