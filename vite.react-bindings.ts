import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Plugin, normalizePath } from 'vite';

const OURS = normalizePath(fileURLToPath(new URL('./', import.meta.url)));
const FACADE = '\0react-bindings:';
const MODULES = new Set(['react', 'react/jsx-runtime']);
const require = createRequire(import.meta.url);

/**
 * React ships CommonJS, so the bundle reaches its exports through an object: each JSX element and
 * hook call of ours reads `(0, R.jsx)(…)`, `(0, R.useState)(…)` (about 600 of them in the embed
 * module). Our modules import React through a facade that takes its exports once, as plain
 * bindings, and each call is a short name. Libraries keep their own imports.
 */
export function reactBindings(): Plugin {
  return {
    name: 'react-bindings',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!MODULES.has(source) || importer === undefined) return null;
      const path = normalizePath(importer);
      if (!path.startsWith(OURS) || path.includes('/node_modules/')) return null;
      return `${FACADE}${source}`;
    },
    load(id) {
      if (!id.startsWith(FACADE)) return null;
      const source = id.slice(FACADE.length);
      const names = Object.keys(require(source) as object).filter((name) =>
        /^[A-Za-z_$][\w$]*$/.test(name),
      );
      // A pure call per export, so the bundle drops the ones our code does not use.
      return [
        `import m from ${JSON.stringify(source)};`,
        'const get = (name) => m[name];',
        ...names.map((name) => `export const ${name} = /* @__PURE__ */ get('${name}');`),
      ].join('\n');
    },
  };
}
