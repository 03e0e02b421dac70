// The package's type declarations are emitted from the two browser entries. A portal installs the
// package without zod (or any other library of ours), so what those declarations reach may name
// React and nothing else.
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'declarations');
const ENTRIES = ['src/embed.ts', 'src/react.tsx'];

function emitDeclarations() {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const options = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: ROOT,
    outDir: OUT,
  };
  const program = ts.createProgram(
    ENTRIES.map((entry) => join(ROOT, entry)),
    options,
  );
  const files = new Map<string, string>();
  const { diagnostics } = program.emit(undefined, (name, text) => files.set(name, text));
  return { files, diagnostics };
}

/** The declaration files an entry's declaration reaches, and the packages they import. */
function reach(files: Map<string, string>, entry: string) {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no declarations emitted for ${file}`);
    const specifiers = text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g);
    for (const [, specifier = ''] of specifiers) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      else visit(join(dirname(file), specifier.replace(/\.(tsx?|js)$/, '')) + '.d.ts');
    }
  };
  visit(join(OUT, entry.replace(/\.tsx?$/, '.d.ts')));
  return { reached: [...seen], packages: [...packages] };
}

// Type-checks the entries' whole import graph: several seconds on a busy machine.
it(
  'declares the entries with no type from zod or any package but React',
  { timeout: 120_000 },
  () => {
    const { files, diagnostics } = emitDeclarations();

    for (const entry of ENTRIES) {
      const { reached, packages } = reach(files, entry);
      const problems = diagnostics.filter((d) => d.file && reached.includes(d.file.fileName));
      expect(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
      expect(packages.filter((name) => name !== 'react' && !name.startsWith('react/'))).toEqual([]);
      for (const file of reached) expect(files.get(file)).not.toMatch(/zod/);
    }
  },
);
