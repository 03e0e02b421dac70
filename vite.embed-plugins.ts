import { fileURLToPath } from 'node:url';
import { type Plugin, normalizePath } from 'vite';

/**
 * zod keeps its config and schema registry on globalThis so that copies of it can share them.
 * Inside someone else's page that would be two globals of ours; a module-local object will do.
 */
export function keepZodOffGlobalThis(): Plugin {
  return {
    name: 'keep-zod-off-globalthis',
    transform(code, id) {
      if (!/zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/.test(id)) return null;
      return `const zodScope = {};\n${code.replaceAll('globalThis', 'zodScope')}`;
    },
  };
}

/**
 * The editor's chunk imports its styles for the standalone page; here every style is inside the
 * module (src/embed.ts), so the sheet the library build extracts beside it is never loaded.
 */
export function dropExtractedCss(): Plugin {
  return {
    name: 'drop-extracted-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle))
        if (name.endsWith('.css')) Reflect.deleteProperty(bundle, name);
    },
  };
}

const SOURCE_DIR = normalizePath(fileURLToPath(new URL('./src/', import.meta.url)));
// Every `import('./...')` but a catalogue's (`.po`): another locale's messages stay a chunk.
const DYNAMIC_IMPORT = /\bimport\((['"])(\.{1,2}\/[^'"]+?(?<!\.po))\1\)/g;

/**
 * The app loads parts of its code on demand (`import('./...')`): chunks the standalone page
 * fetches later. In this one file there is nothing to fetch, and a dynamic import only makes the
 * bundler wrap every module it reaches in a lazy initializer (about 2.7 kB brotli). Here they
 * are static imports, resolved at once. A catalogue of a locale other than English stays a chunk:
 * a page speaks one language, and all of them inline would add 7 kB brotli to every portal.
 */
export function eagerImports(): Plugin {
  return {
    name: 'eager-imports',
    transform(code, id) {
      if (!id.startsWith(SOURCE_DIR)) return null;
      const imports: string[] = [];
      const eager = code.replace(DYNAMIC_IMPORT, (_call, quote: string, specifier: string) => {
        const name = `eagerModule${imports.length}`;
        imports.push(`import * as ${name} from ${quote}${specifier}${quote};`);
        return `Promise.resolve(${name})`;
      });
      return imports.length === 0 ? null : `${imports.join('\n')}\n${eager}`;
    },
  };
}
