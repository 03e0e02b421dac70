// Keeps the layout's one direction (entries → app → features → shared layers → contract; server
// layers → contract) by reading every source file's imports. A new import that runs the other way
// fails here, with the file and what it imports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// A module name has no spaces and no `${`, which keeps this file's own example imports out.
const IMPORT = /\b(?:from|import)\s*\(?\s*['"]([^'"\s$]+)['"]/g;
const TEST_FILE = /\.test\.tsx?$/;

type Import = { file: string; spec: string; target: string | null };

/** Every import of one file; `target` is the repository path a relative one reaches. */
function importsOf(file: string, source: string): Import[] {
  return [...source.matchAll(IMPORT)].map(([, spec = '']) => ({
    file,
    spec,
    target: spec.startsWith('.') ? posix.join(posix.dirname(file), spec.split('?')[0] ?? '') : null,
  }));
}

/** Why an import crosses a boundary, or null when it may. */
function crossing({ file, spec, target }: Import): string | null {
  const under = (folder: string) => target !== null && target.startsWith(`${folder}/`);
  if (file.startsWith('contract/')) {
    const allowed = target === null ? /^(zod|node:)/ : /^contract\//;
    const forTests = TEST_FILE.test(file) && /^(vitest|fast-check)$/.test(spec);
    return allowed.test(target ?? spec) || forTests ? null : 'contract/ imports only zod and node';
  }
  if (file.startsWith('server/')) {
    if (under('src')) return 'the server never imports the page (src/)';
    if (
      /^server\/(http|log|auth|store)\//.test(file) &&
      (under('server/forwarder') || under('server/emulator'))
    )
      return 'server/http, log, auth and store know no forwarder or emulator';
    if (/^server\/store\//.test(file) && (under('server/auth') || under('server/log')))
      return 'server/store is below sign-in and the log: they use it, it knows neither';
    return null;
  }
  // The page's own layers; tests and src/test/ render the whole app, so they may reach up.
  if (!file.startsWith('src/') || TEST_FILE.test(file) || file.startsWith('src/test/')) return null;
  if (under('server')) return 'the page never imports the server';
  const feature = /^src\/features\/([^/]+)\//.exec(file)?.[1];
  if (feature !== undefined) {
    if (under('src/features') && !under(`src/features/${feature}`))
      return 'a feature imports no other feature: what two share moves down';
    return under('src/app') ? 'a feature never imports the app' : null;
  }
  if (
    /^src\/(api|ui|drafts|endpoint-form|i18n)\//.test(file) &&
    (under('src/features') || under('src/app'))
  )
    return 'shared layers import no feature and no app';
  return null;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx)$/.test(name))
    .map((name) => posix.join(folder, name.split('\\').join('/')));
}

describe('layering', () => {
  it('no import crosses a boundary upward', () => {
    const files = ['contract', 'src', 'server'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const crossings = files
      .flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')))
      .flatMap((found) => {
        const why = crossing(found);
        return why === null ? [] : [`${found.file} imports ${found.spec}: ${why}`];
      });
    expect(crossings).toEqual([]);
  });

  it('names each kind of crossing', () => {
    const check = (file: string, spec: string) =>
      importsOf(file, `import '${spec}';`).map(crossing)[0];
    expect(check('contract/schemas.ts', 'hono')).toMatch(/zod and node/);
    expect(check('contract/schemas.ts', '../server/app')).toMatch(/zod and node/);
    expect(check('contract/schemas.ts', 'zod/mini')).toBeNull();
    expect(check('server/forwarder/list-secrets.ts', '../../src/api/api-client')).toMatch(/src/);
    expect(check('server/log/audit.ts', '../forwarder/api-handler')).toMatch(/no forwarder/);
    expect(check('server/http/compression.ts', '../../contract/routes')).toBeNull();
    expect(
      check('src/features/add-endpoint/add-endpoint.tsx', '../endpoint-list/list-query'),
    ).toMatch(/no other feature/);
    expect(check('src/features/add-endpoint/add-endpoint.tsx', '../../app/view')).toMatch(/app/);
    expect(check('src/drafts/draft-storage.ts', '../features/endpoint-editor/use-draft')).toMatch(
      /shared layers/,
    );
    expect(
      check('src/app/endpoint-editor.tsx', '../features/endpoint-editor/endpoint-form'),
    ).toBeNull();
    expect(check('src/i18n/mount-i18n.tsx', '../app/editor-app')).toMatch(/shared layers/);
    expect(check('src/features/add-endpoint/add-endpoint.tsx', '../../i18n/formats')).toBeNull();
  });
});
