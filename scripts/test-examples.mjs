// `npm run test:examples`: the two portals in examples/, each as its team would run it. Each is
// installed from the packed package (dist/package/konpro-webhook-editor.tgz) in a folder of its
// own outside this repository, built, and started with its Konpro key pointing at this project's
// server in emulator mode (one emulator per portal, on a data file of its own); Playwright then
// edits and saves an endpoint through each portal (examples/*/portal.spec.ts).
// Run it after `npm run build` and `npm run build:package`. EXAMPLES_PORT=4520 keeps the ports it
// opens at 4520 and up; `npm run test:examples -- html-portal` runs one portal.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNode } from '../bench/lib/processes.mjs';
import {
  EMULATOR_DEV_KEY,
  EXAMPLES,
  buildExample,
  freePort,
  installExample,
  root,
} from './lib/examples.mjs';

const chosen = process.argv.slice(2);
const examples = chosen.length > 0 ? chosen : EXAMPLES;
for (const name of examples) {
  if (!EXAMPLES.includes(name)) throw new Error(`no example "${name}" (${EXAMPLES.join(', ')})`);
}
if (!existsSync(join(root, 'dist/server/main.js'))) {
  throw new Error('dist/server/main.js is missing: run `npm run build` first (it is the emulator)');
}

const log = (line) => console.log(`test:examples  ${line}`);
const started = Date.now();
const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);
const installed = [];
const processes = [];
let failed;

/** The emulator: this project's server with no KONPRO_API_BASE, on a data file of its own. */
async function startEmulator(dir) {
  const emulator = startNode({
    cwd: root,
    label: 'the emulator',
    env: {
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      // The emulator keeps its store beside its data file: a folder of its own.
      KONPRO_DATA_FILE: join(dir, 'emulator', 'data.json'),
      KONPRO_API_BASE: undefined,
      KONPRO_API_KEY: undefined,
      LOG_LEVEL: 'warn',
    },
  });
  processes.push(emulator);
  return emulator.ready;
}

/** The portal's backend, with its Konpro key for the emulator and its own token secret. */
async function startPortal(name, dir, emulatorUrl) {
  const logFile = join(dir, 'portal.log');
  const tokenSecret = randomBytes(32).toString('hex');
  writeFileSync(logFile, '');
  const portal = startNode({
    cwd: dir,
    args: ['server.mjs'],
    label: `the ${name} backend`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      KONPRO_API_KEY: EMULATOR_DEV_KEY,
      KONPRO_API_BASE: emulatorUrl,
      EDITOR_TOKEN_SECRET: tokenSecret,
    },
    onOutput: (chunk) => appendFileSync(logFile, chunk),
  });
  processes.push(portal);
  return { url: await portal.ready, logFile, tokenSecret };
}

/** Playwright on the chosen portals' specs (a filter per folder). */
function playwright(env) {
  const cli = join(root, 'node_modules/@playwright/test/cli.js');
  const config = join(root, 'examples/playwright.config.ts');
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      [cli, 'test', '--config', config, ...examples.map((name) => `${name}/`)],
      {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: 'inherit',
      },
    );
    child.on('close', (code) => resolveRun(code ?? 1));
  });
}

try {
  const env = {};
  for (const name of examples) {
    const example = await installExample(name);
    installed.push(example);
    const buildSeconds = await buildExample(example.dir);
    log(
      `${name}: npm install ${example.installSeconds.toFixed(1)} s` +
        (buildSeconds > 0 ? `, build ${buildSeconds.toFixed(1)} s` : '') +
        ` (in ${example.dir})`,
    );
    const emulatorUrl = await startEmulator(example.dir);
    const portal = await startPortal(name, example.dir, emulatorUrl);
    const prefix = name.toUpperCase().replaceAll('-', '_');
    Object.assign(env, {
      [`${prefix}_URL`]: portal.url,
      [`${prefix}_EMULATOR_URL`]: emulatorUrl,
      [`${prefix}_LOG`]: portal.logFile,
      [`${prefix}_TOKEN_SECRET`]: portal.tokenSecret,
    });
    log(`${name}: portal ${portal.url}, emulator ${emulatorUrl}`);
  }
  const testsStarted = Date.now();
  const code = await playwright(env);
  log(`browser tests ${seconds(testsStarted)} s`);
  failed = code !== 0;
} catch (error) {
  failed = true;
  console.error(`test:examples  FAIL  ${error instanceof Error ? error.message : error}`);
} finally {
  await Promise.all(processes.map((process) => process.stop()));
  for (const example of installed) example.remove();
}
log(`${failed ? 'FAILED' : 'passed'} in ${seconds(started)} s`);
if (failed) process.exit(1);
