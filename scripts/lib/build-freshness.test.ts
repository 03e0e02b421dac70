import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, staleBuildReason } from './build-freshness.mjs';

const OUTPUTS = ['dist/client/index.html', 'dist/server/main.js'];
const INPUTS = ['src', 'package-lock.json', 'vite.config.ts'];
const BUILT_AT = new Date('2026-12-01T10:00:00Z');
const BEFORE = new Date('2026-12-01T09:00:00Z');
const AFTER = new Date('2026-12-01T11:00:00Z');

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `path` under the temp root and gives it (and the folders made for it) `time`. */
function put(path: string, time: Date) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  utimesSync(full, time, time);
}

function touch(path: string, time: Date) {
  utimesSync(join(root, path), time, time);
}

/** A checkout whose build was made after every source it came from. */
function builtCheckout() {
  root = mkdtempSync(join(tmpdir(), 'konpro-freshness-'));
  put('src/app/main.tsx', BEFORE);
  put('src/app/main.test.tsx', BEFORE);
  put('package-lock.json', BEFORE);
  put('vite.config.ts', BEFORE);
  for (const folder of ['src/app', 'src']) touch(folder, BEFORE);
  for (const output of OUTPUTS) put(output, BUILT_AT);
}

const reason = () => staleBuildReason(root, { outputs: OUTPUTS, inputs: INPUTS });

describe('staleBuildReason', () => {
  it('finds nothing to do when the build is newer than all it is made from', () => {
    builtCheckout();
    expect(reason()).toBeNull();
  });

  it('builds when a part of the build is missing', () => {
    builtCheckout();
    unlinkSync(join(root, 'dist/server/main.js'));
    expect(reason()).toBe('dist/server/main.js is missing');
  });

  it('builds when a source deep in a folder changed after the oldest part of the build', () => {
    builtCheckout();
    touch('src/app/main.tsx', AFTER);
    expect(reason()).toBe('src/app/main.tsx changed since the last build');
    touch('src/app/main.tsx', BEFORE);
    // One part of the build older than a source is enough: the client may be stale alone.
    touch('dist/client/index.html', BEFORE);
    touch('src/app/main.tsx', new Date(BEFORE.getTime() + 1000));
    expect(reason()).toBe('src/app/main.tsx changed since the last build');
  });

  it('builds when the lockfile or a build config changed', () => {
    builtCheckout();
    touch('package-lock.json', AFTER);
    expect(reason()).toBe('package-lock.json changed since the last build');
    touch('package-lock.json', BEFORE);
    touch('vite.config.ts', AFTER);
    expect(reason()).toBe('vite.config.ts changed since the last build');
  });

  it('builds when a source was removed (its folder changed)', () => {
    builtCheckout();
    unlinkSync(join(root, 'src/app/main.test.tsx'));
    touch('src/app', AFTER);
    expect(reason()).toBe('src/app changed since the last build');
  });

  it('does not build for an edited test alone', () => {
    builtCheckout();
    touch('src/app/main.test.tsx', AFTER);
    expect(reason()).toBeNull();
  });
});

describe('what the build is made from', () => {
  it('names every build config of the checkout, so changing one builds again', () => {
    const checkout = fileURLToPath(new URL('../../', import.meta.url));
    const configs = readdirSync(checkout).filter((name) =>
      /^(?:vite\..+|lingui\.config)\.ts$/.test(name),
    );
    expect(configs.length).toBeGreaterThan(5);
    expect(configs.filter((name) => !BUILD_INPUTS.includes(name))).toEqual([]);
  });
});
