// Facts about where the numbers were taken, so two runs are only compared like for like.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

function osName() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

function commit(cwd) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    const dirty =
      git('status', '--porcelain', '--untracked-files=no') === '' ? '' : ' + local changes';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty}`;
  } catch {
    return 'unknown';
  }
}

const versionOf = (cwd, name) =>
  JSON.parse(readFileSync(`${cwd}/node_modules/${name}/package.json`, 'utf8')).version;

/** The 1-minute load average: above the core count, other work shared the machine. */
export const currentLoad = () => loadavg()[0];

export function machineFacts(cwd, browserVersion) {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${osName()} (${process.platform} ${release()}, ${process.arch})`,
    node: process.version,
    chromium: browserVersion,
    vite: versionOf(cwd, 'vite'),
    react: versionOf(cwd, 'react'),
    commit: commit(cwd),
  };
}
