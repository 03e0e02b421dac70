// Run by vitest (the `tooling` project), not by Playwright, which runs only *.spec.ts.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { e2ePort, portNotice } from './e2e-port';

describe('the browser tests port', () => {
  it('is 4317 unless E2E_PORT names another, and a bad one is refused', () => {
    expect(e2ePort({})).toBe(4317);
    expect(e2ePort({ E2E_PORT: '4431' })).toBe(4431);
    expect(() => e2ePort({ E2E_PORT: 'eighty' })).toThrow('E2E_PORT must be a port number');
  });

  it('is named at the start of a run, once, with how to change it', () => {
    expect(portNotice(4317)).toBe(
      "Browser tests: the app's server listens on 127.0.0.1:4317 (set E2E_PORT to use another port)",
    );
    const run = spawnSync('npx', ['playwright', 'test', '--list'], {
      env: { ...process.env, E2E_PORT: '4999' },
      encoding: 'utf8',
    });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      "Browser tests: the app's server listens on 127.0.0.1:4999 (from E2E_PORT)",
    );
    expect(lines.filter((line) => line === lines[0])).toHaveLength(1);
    // Listing loads every spec through the transpiler: half a minute on a busy two-core machine.
  }, 120_000);
});
