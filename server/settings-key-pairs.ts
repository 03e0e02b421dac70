// KONPRO_EMULATOR_KEYS gives the emulator more users (`key=username,key2=other`), so ownership can
// be shown with a second key. The dev key always belongs to `demo`.
const KEY = /^[\x21-\x7e]+$/;
const USERNAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Returns the key → username map, or a message saying what is wrong (never the key itself). */
export function parseKeyPairs(
  text: string,
  devKey: string,
  devUsername: string,
): Map<string, string> | string {
  const users = new Map([[devKey, devUsername]]);
  const pairs = text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
  for (const [index, pair] of pairs.entries()) {
    const position = `pair ${index + 1}`;
    const at = pair.indexOf('=');
    if (at === -1) return `${position} must look like key=username`;
    const key = pair.slice(0, at).trim();
    const username = pair.slice(at + 1).trim();
    if (!KEY.test(key)) return `${position} needs a key of printable characters without spaces`;
    if (!USERNAME.test(username)) {
      return `${position} needs a username of letters, digits, '_', '.' or '-' (got ${JSON.stringify(username)})`;
    }
    if (users.has(key)) {
      return `${position} repeats a key that is already in use (each key belongs to one user)`;
    }
    users.set(key, username);
  }
  return users;
}
