// Short-lived tokens for the webhook editor. The portal mints one for a signed-in user
// (POST /portal/editor-token), the editor sends it with every call through `getHeaders`, and the
// handler's `authorize` turns it back into the user. Signed with a secret only this backend holds.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `secret`: the same for every copy of the backend behind one load balancer (random when unset,
 * which suits one copy: a restart then refuses the tokens of before, and the editor asks again).
 * @param {{ secret?: string | undefined, ttlSeconds?: number }} [options]
 */
export function editorTokens({ secret = randomBytes(32).toString('hex'), ttlSeconds = 300 } = {}) {
  /** @param {string} payload */
  const sign = (payload) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    ttlSeconds,
    /** A token naming `user`, valid for `ttlSeconds`. @param {string} user */
    mint(user) {
      const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
      const payload = Buffer.from(JSON.stringify({ sub: user, exp })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    /**
     * The user a request's `Authorization: Bearer` token names; null if missing, forged or expired.
     * @param {Request} request
     * @returns {string | null}
     */
    userOf(request) {
      const token = /^Bearer ([\w-]+\.[\w-]+)$/.exec(
        request.headers.get('authorization') ?? '',
      )?.[1];
      if (token === undefined) return null;
      const [payload, signature] = token.split('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const { sub, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof sub === 'string' && exp * 1000 > Date.now() ? sub : null;
    },
  };
}
