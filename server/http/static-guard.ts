// The static server must hand out the build and nothing else: no dotfile (`.env`, `.git`) that a
// deploy step left in the folder, and no file reached through a symlink that points out of it.
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

export function staticGuard(root: string, stripPrefix = ''): MiddlewareHandler {
  const realRoot = realpathSync(root);
  return async (c, next) => {
    const path = c.req.path.slice(stripPrefix.length);
    if (path.split('/').some((segment) => segment.startsWith('.'))) return c.text('Not found', 404);
    if (!isInside(realRoot, join(root, path))) return c.text('Not found', 404);
    await next();
  };
}

/** True when `file` does not exist (the next handler answers 404) or resolves inside `realRoot`. */
function isInside(realRoot: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return true;
  }
  return real === realRoot || real.startsWith(realRoot + sep);
}
