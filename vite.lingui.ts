import { transformAsync } from '@babel/core';
import linguiMacro from '@lingui/babel-plugin-lingui-macro';
import { lingui } from '@lingui/vite-plugin';
import type { PluginOption } from 'vite';

const SOURCE = /\.[cm]?[jt]sx?$/;
const USES_MACRO = /['"]@lingui\/(?:core|react)\/macro['"]/;

/**
 * Lingui's macros (`t`, `plural`, `msg`, `useLingui` from `@lingui/react/macro`) are compiled away
 * at build time into message ids. @vitejs/plugin-react 6 no longer runs Babel and
 * @rolldown/plugin-babel needs Node 22, so this runs Lingui's Babel plugin itself, on the files
 * that import a macro only, before Vite strips the types. The second plugin compiles `.po`
 * catalogues into modules (`import { messages } from '../locales/de/editor.po'`).
 */
export function linguiPlugins(): PluginOption[] {
  return [
    {
      name: 'lingui-macros',
      enforce: 'pre',
      async transform(code, id) {
        const file = id.split('?')[0] ?? id;
        if (!SOURCE.test(file) || file.includes('/node_modules/') || !USES_MACRO.test(code)) {
          return null;
        }
        const typescript = /\.[cm]?tsx?$/.test(file);
        const jsx = /x$/.test(file);
        const result = await transformAsync(code, {
          filename: file,
          babelrc: false,
          configFile: false,
          sourceMaps: true,
          parserOpts: {
            plugins: [
              ...(typescript ? (['typescript'] as const) : []),
              ...(jsx ? (['jsx'] as const) : []),
            ],
          },
          plugins: [linguiMacro],
        });
        if (result?.code == null) return null;
        return { code: result.code, map: result.map };
      },
    },
    lingui(),
  ];
}

/**
 * A locale's catalogue of one area is a chunk named `locale-de-editor-<hash>.js` (check:size
 * finds them by that name), in every build that splits them off; other chunks keep `[name]`.
 */
export function localeChunkFileNames(dir: string) {
  return ({ facadeModuleId }: { facadeModuleId: string | null }) => {
    const catalogue = /\/locales\/([\w-]+)\/(\w+)\.po$/.exec(facadeModuleId ?? '');
    return catalogue
      ? `${dir}/locale-${catalogue[1]}-${catalogue[2]}-[hash].js`
      : `${dir}/[name]-[hash].js`;
  };
}
