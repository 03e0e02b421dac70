// Whether `npm start` must build first: the build is missing, or something it is made from
// (sources, the lockfile, a build config) changed after it was made. Modification times are what
// a checkout, an edit or an `npm ci` all move; a folder's own time moves when a file in it is
// added, removed or renamed, so a deleted source counts too.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What `npm run build` writes last in each of its three parts. */
export const BUILD_OUTPUTS = [
  'dist/client/index.html',
  'dist/embed/konpro-webhook-editor.js',
  'dist/server/main.js',
];

/** What the build is made from: folders are read through, files taken as they are. */
export const BUILD_INPUTS = [
  'src',
  'server',
  'contract',
  'public',
  'index.html',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'lingui.config.ts',
  'vite.config.ts',
  'vite.deep-link-page.ts',
  'vite.embed-plugins.ts',
  'vite.embed.config.ts',
  'vite.lingui.ts',
  'vite.localized-pages.ts',
  'vite.minify-html.ts',
  'vite.modern-builds.ts',
  'vite.pinned-embed.ts',
  'vite.precompress.ts',
  'vite.react-bindings.ts',
  'vite.server.config.ts',
];

// Tests are not built into the app: editing one needs no new build.
const NOT_BUILT = /\.test\.[cm]?[jt]sx?$/;

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest file or folder under `path`, as `{ path, mtimeMs }`, or null when it is absent. */
function newestUnder(path) {
  const own = mtimeOf(path);
  if (own === null) return null;
  let newest = { path, mtimeMs: own };
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return newest; // a file
  }
  for (const entry of entries) {
    if (entry.isFile() && NOT_BUILT.test(entry.name)) continue;
    const found = newestUnder(join(path, entry.name));
    if (found && found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/**
 * Why the build in `root` must be made again, in words, or null when it is up to date.
 * `outputs` and `inputs` are paths relative to `root` (the defaults are this project's).
 */
export function staleBuildReason(root, { outputs = BUILD_OUTPUTS, inputs = BUILD_INPUTS } = {}) {
  let oldestOutput = Infinity;
  for (const output of outputs) {
    const mtime = mtimeOf(join(root, output));
    if (mtime === null) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, mtime);
  }
  for (const input of inputs) {
    const newest = newestUnder(join(root, input));
    if (newest && newest.mtimeMs > oldestOutput) {
      return `${relative(root, newest.path)} changed since the last build`;
    }
  }
  return null;
}
