// Child processes of the bench: builds, and the real server on a loopback port. Every process
// started here is stopped on the way out, whether the bench finishes, fails or is interrupted.
import { spawn } from 'node:child_process';

const running = new Set();

function stopAllNow() {
  for (const child of running) child.kill('SIGKILL');
}
process.once('exit', stopAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAllNow();
    process.exit(130);
  });
}

/** Runs a command to completion; its output is shown only when it fails. */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Starts `node dist/server/main.js` on 127.0.0.1 and a free port, and resolves with its base URL
 * once it prints the address it listens on.
 */
export function startServer({ cwd, env }) {
  return startNode({ cwd, env: { HOST: '127.0.0.1', PORT: '0', ...env } });
}

/**
 * Starts `node <args>` (the built server by default) and resolves `ready` with the base URL it
 * prints once it listens on 127.0.0.1. `onOutput` hears everything it writes.
 */
export function startNode({
  cwd,
  env,
  args = ['dist/server/main.js'],
  label = 'the server',
  onOutput = () => {},
}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  let stopping = false;
  let address;
  const ready = new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => fail(new Error(`${label} did not start within 20 s`)), 20_000);
    function fail(error) {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${output}`));
    }
    child.stdout.on('data', (chunk) => {
      output += chunk;
      onOutput(chunk);
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && address === undefined) {
        clearTimeout(timer);
        address = `http://127.0.0.1:${match[1]}`;
        resolvePromise(address);
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      onOutput(chunk);
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      running.delete(child);
      // It stops with code 0 only on SIGTERM or SIGINT: someone else stopped it.
      const how = signal ?? (code === 0 ? 'code 0, sent SIGTERM or SIGINT' : `code ${code}`);
      if (!stopping && address !== undefined) {
        console.error(`${label} at ${address} stopped (${how}):\n${output}`);
      }
      fail(new Error(`${label} exited (${how}) before listening`));
    });
  });
  const stop = () =>
    new Promise((resolvePromise) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
      child.once('exit', () => resolvePromise());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { ready, stop, pid: child.pid };
}
