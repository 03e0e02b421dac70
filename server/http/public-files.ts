// The requests that name a file of the build anyone may fetch without signing in: the hashed
// scripts and styles under /assets, and the files a browser or a crawler asks for at the root on
// its own (/favicon.ico, /robots.txt). Each is one segment of plain characters after its folder,
// so nothing else can pass for one: a second segment, `..`, `%2f` or `%00` never matches, and
// neither does a page (.html) nor /api. The path is the one the router matches on (`c.req.path`).
const HASHED = /^\/assets\/[A-Za-z0-9][\w.-]*$/;
const AT_ROOT = /^\/[A-Za-z0-9][\w.-]*\.(ico|png|svg|txt|webmanifest)$/;

export function isPublicFile(path: string): boolean {
  return HASHED.test(path) || AT_ROOT.test(path);
}
