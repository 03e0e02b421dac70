// Where the admin goes after signing in: a path of this server, never another site. `//host`
// and `/\host` are other sites to a browser, and the sign-in routes themselves would loop.
// Control characters and backslashes: `/\t/host` and `/\\host` both lead elsewhere in browsers.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f\\]/;

export function safeReturnTo(target: string | undefined): string {
  if (target === undefined || target.length > 2048) return '/';
  if (!target.startsWith('/') || target.startsWith('//') || CONTROL.test(target)) return '/';
  if (/^\/auth(\/|$|\?)/.test(target)) return '/';
  return target;
}
