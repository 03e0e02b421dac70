// `npm run check:package`: checks dist/package/konpro-webhook-editor.tgz as npm would install it,
// and fails on any problem reported:
//   publint                   the package.json against the packed files (suggestions count too);
//   @arethetypeswrong/cli     every entry's types under TypeScript's node16 and bundler rules;
//   imports                   what each entry may import: the element nothing, /react only React,
//                             /server only Node's built-ins, and the types neither zod nor hono;
//   globals                   no bundled zod keeps its settings on the host's globalThis.
// Run it after `npm run build:package`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { parseAst } from 'rolldown/parseAst';

const root = fileURLToPath(new URL('..', import.meta.url));
const tarball = join(root, 'dist/package/konpro-webhook-editor.tgz');
const REACT = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];

/** Per file the package.json exports, which bare imports it (and what it imports) may make. */
const ALLOWED_IMPORTS = {
  'dist/element.js': { what: 'the self-contained element module', allowed: () => false },
  'dist/react.js': { what: 'the React entry', allowed: (name) => REACT.includes(name) },
  // Bundled packages (postgres) name some built-ins without `node:`; Node resolves both alike.
  'dist/server.js': { what: 'the server entry', allowed: (name) => isBuiltin(name) },
  'dist/element.d.ts': { what: "the element's types", allowed: () => false },
  'dist/react.d.ts': { what: "the React entry's types", allowed: (name) => name === 'react' },
  'dist/server.d.ts': { what: "the server entry's types", allowed: () => false },
};

const problems = [];
const report = (tool, message) => problems.push(`${tool}: ${message}`);

if (!existsSync(tarball)) {
  console.error(
    'check:package  FAIL  no dist/package/konpro-webhook-editor.tgz: run `npm run build:package` first',
  );
  process.exit(1);
}

async function runPublint() {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) },
    level: 'suggestion',
    strict: true,
  });
  for (const message of messages) {
    report('publint', `${message.type}: ${formatMessage(message, pkg, { color: false })}`);
  }
  return messages.length;
}

function runAttw() {
  // The package is ESM only by design: `esm-only` skips the CommonJS resolutions (node10, and
  // node16 from CJS, where a `require` of ESM is the expected "cjs-resolves-to-esm"), and still
  // fails on anything wrong for ESM consumers under node16 and bundler.
  const attw = join(root, 'node_modules/.bin/attw');
  const result = spawnSync(attw, [tarball, '--profile', 'esm-only', '--format', 'ascii'], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    report('attw', `exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.status === 0 ? 0 : 1;
}

/** Every module specifier in a file: static imports and exports, and `import()`. */
function specifiersOf(file) {
  const source = readFileSync(file, 'utf8');
  const ast = parseAst(source, { lang: file.endsWith('.d.ts') ? 'dts' : 'js' }, file);
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    // The bundler writes a chunk's name as a template without expressions: a literal all the same.
    const template = node.type === 'ImportExpression' && node.source.type === 'TemplateLiteral';
    if (template && node.source.expressions.length === 0) {
      found.push(node.source.quasis[0].value.cooked);
    } else if (node.type === 'ImportExpression' && node.source.type !== 'Literal') {
      found.push('(a computed import())');
    }
    if (typeof node.source?.value === 'string') found.push(node.source.value);
    // `import('x').T` in a declaration file.
    if (node.type === 'TSImportType' && typeof node.argument?.literal?.value === 'string') {
      found.push(node.argument.literal.value);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast.body);
  return found;
}

function checkImports(packageDir) {
  let count = 0;
  for (const [entryFile, { what, allowed }] of Object.entries(ALLOWED_IMPORTS)) {
    const queue = [join(packageDir, entryFile)];
    const seen = new Set();
    while (queue.length > 0) {
      const file = queue.shift();
      if (seen.has(file)) continue;
      seen.add(file);
      const name = relative(packageDir, file);
      if (!existsSync(file)) {
        report('imports', `${name}, part of ${what}, is not in the package`);
        count += 1;
        continue;
      }
      for (const specifier of specifiersOf(file)) {
        if (specifier.startsWith('./') || specifier.startsWith('../')) {
          const target = join(dirname(file), specifier);
          // A declaration file names its neighbour by the JavaScript file it describes.
          queue.push(file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target);
        } else if (!allowed(specifier)) {
          report('imports', `${name}, part of ${what}, imports "${specifier}"`);
          count += 1;
        }
      }
    }
  }
  return count;
}

/**
 * zod shares its config and schema registry through globalThis (`__zod_globalConfig`); the builds
 * keep each bundled copy's to itself (vite.embed-plugins.ts), so neither the portal's page nor
 * its backend sees a global of ours, nor changes the editor's zod with a `z.config()` of its own.
 */
function checkGlobals(packageDir) {
  let count = 0;
  const files = readdirSync(join(packageDir, 'dist'), { recursive: true }).filter((name) =>
    /(?<!\.d)\.js$/.test(name),
  );
  for (const name of files) {
    const source = readFileSync(join(packageDir, 'dist', name), 'utf8');
    if (/globalThis\)?\.__zod_/.test(source)) {
      report('globals', `dist/${name} keeps zod's settings on globalThis`);
      count += 1;
    }
  }
  return count;
}

const unpacked = mkdtempSync(join(tmpdir(), 'konpro-package-check-'));
try {
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const counts = {
    publint: await runPublint(),
    attw: runAttw(),
    imports: checkImports(join(unpacked, 'package')),
    globals: checkGlobals(join(unpacked, 'package')),
  };
  for (const [tool, count] of Object.entries(counts)) {
    console.log(`check:package  ${tool}: ${count === 0 ? 'no problem' : 'FAIL'}`);
  }
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}
for (const problem of problems) console.error(`check:package  FAIL  ${problem}`);
if (problems.length > 0) process.exit(1);
