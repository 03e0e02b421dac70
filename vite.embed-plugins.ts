import type { Plugin } from 'vite';

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
