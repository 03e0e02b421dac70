// The example portals of examples/, installed and run as a portal team would run them.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../bench/lib/processes.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const TARBALL = join(root, 'dist/package/konpro-webhook-editor.tgz');
export const EXAMPLES = ['react-portal', 'html-portal'];

/** The emulator's published dev key (README, "The emulator"): the examples' "Konpro key". */
export const EMULATOR_DEV_KEY = 'konpro_dev_key_local';

// The tests, and what a portal never ships, stay behind.
const LEFT_BEHIND = new Set(['node_modules', 'dist', 'portal.spec.ts']);

/**
 * Copies examples/<name> to a new folder outside this repository, so nothing can resolve from this
 * repository's node_modules, points its `konpro-webhook-editor` dependency at the packed tarball
 * (where a portal would name the registry's version) and runs `npm install` there: the package and
 * the example's own pinned dependencies, from npm's cache when it holds them.
 */
export async function installExample(name) {
  if (!existsSync(TARBALL)) {
    throw new Error(
      'dist/package/konpro-webhook-editor.tgz is missing: run `npm run build:package`',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), `konpro-${name}-`));
  cpSync(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (source) => !LEFT_BEHIND.has(basename(source)),
  });
  const manifestFile = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (!manifest.dependencies?.['konpro-webhook-editor']) {
    throw new Error(`examples/${name}/package.json does not depend on konpro-webhook-editor`);
  }
  manifest.dependencies['konpro-webhook-editor'] = `file:${TARBALL}`;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const started = Date.now();
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
  });
  return {
    dir,
    installSeconds: (Date.now() - started) / 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs the example's `build` script, when it has one; resolves with the seconds it took. */
export async function buildExample(dir, env = {}) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!manifest.scripts?.build) return 0;
  const started = Date.now();
  await run('npm', ['run', 'build'], { cwd: dir, env });
  return (Date.now() - started) / 1000;
}

let nextPort = Number(process.env.EXAMPLES_PORT ?? 0);

/**
 * A port nothing listens on: from EXAMPLES_PORT upwards when it is set (for machines where each
 * user keeps to a range), otherwise one the system picks.
 */
export async function freePort() {
  for (;;) {
    const wanted = nextPort === 0 ? 0 : nextPort++;
    const port = await new Promise((resolvePort) => {
      const probe = createServer();
      probe.once('error', () => resolvePort(null));
      probe.listen(wanted, '127.0.0.1', () => {
        const { port: bound } = probe.address();
        probe.close(() => resolvePort(bound));
      });
    });
    if (port !== null) return port;
    if (wanted === 0 || nextPort > 65535) throw new Error('no free port for the examples');
  }
}
