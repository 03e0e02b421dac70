// `npm start`: builds only when the build is missing or older than what it is made from, then runs
// the server in this process. The build's own output is shown only when it fails, so the last line
// on the screen is the address the server prints.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { staleBuildReason } from './lib/build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reason = staleBuildReason(root);
if (reason !== null) {
  process.stdout.write(`Building first (${reason})… `);
  const started = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, encoding: 'utf8', shell: false });
  if (build.status !== 0) {
    process.stdout.write('failed:\n');
    process.stderr.write(`${build.stdout}${build.stderr}`);
    process.exit(build.status ?? 1);
  }
  process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
await import(new URL('../dist/server/main.js', import.meta.url).href);
