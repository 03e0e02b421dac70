import {
  type NodePath,
  type PluginObj,
  type types as BabelTypes,
  transformAsync,
} from '@babel/core';
import linguiMacro from '@lingui/babel-plugin-lingui-macro';
import { createCompiledCatalog, getCatalogs } from '@lingui/cli/api';
import { getConfig } from '@lingui/conf';
import { generateMessageId } from '@lingui/message-utils/generateMessageId';
import { lingui } from '@lingui/vite-plugin';
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import type { PluginOption } from 'vite';
import { AREAS, LOCALES } from './lingui.config.ts';

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
  const ids = messageIds();
  let building = false;
  return [
    {
      name: 'lingui-macros',
      enforce: 'pre',
      // The shipped languages by name (src/i18n/locales.ts), so negotiating one needs none of
      // their loaders: those are a chunk that only a page in another language fetches.
      config: () => ({ define: { KONPRO_LOCALES: JSON.stringify(LOCALES) } }),
      configResolved(config) {
        building = config.command === 'build';
      },
      watchChange(id) {
        if (id.endsWith('.po')) ids.forget();
      },
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
          // The message stays until shortIds has checked the id against it (and drops it).
          plugins: [
            [linguiMacro, { stripMessageField: false }],
            shortIds(await ids.ofFile(file), file, building),
          ],
        });
        if (result?.code == null) return null;
        return { code: result.code, map: result.map };
      },
    },
    lingui(),
    {
      // After @lingui/vite-plugin, which reports a catalogue's errors and watches its files.
      name: 'lingui-catalogue-lists',
      async transform(_compiled, id) {
        // A catalogue asked for as data is another plugin's (embedCatalogueData).
        if (id.endsWith(EMBED_DATA)) return null;
        const catalogue = CATALOGUE.exec(id.split('?')[0] ?? id);
        if (!catalogue) return null;
        const [, locale = '', area = ''] = catalogue;
        const byId = (await compiledCatalogues(locale)).get(area) ?? {};
        return {
          code: catalogueList(byId, `${locale}/${area}.po`, await ids.ofArea(area), building),
        };
      },
    },
  ];
}

const CATALOGUE = /\/locales\/([\w-]+)\/(\w+)\.po$/;

/** Each area's message ids in the order Lingui compiles them, and the number of the first. */
export type AreaIds = { base: number; ids: string[]; numbers: Map<string, number> };

/** A locale's messages of each area, compiled as @lingui/vite-plugin compiles them, by id. */
async function compiledCatalogues(locale: string) {
  const areas = new Map<string, Record<string, unknown>>();
  for (const [area, messages] of await translationsByArea(locale)) {
    const { source, errors } = createCompiledCatalog(locale, messages, { namespace: 'json' });
    if (errors.length > 0) {
      throw new Error(
        `${locale}: ${errors.map(({ id, error }) => `${id}: ${error.message}`).join('; ')}`,
      );
    }
    areas.set(area, (JSON.parse(source) as { messages: Record<string, unknown> }).messages);
  }
  return areas;
}

/** A locale's translations of each area (its PO file's name), by Lingui's message id. */
export async function translationsByArea(locale: string) {
  const config = getConfig();
  const areas = new Map<string, Record<string, string>>();
  for (const catalog of await getCatalogs(config)) {
    const { messages } = await catalog.getTranslations(locale, {
      sourceLocale: config.sourceLocale ?? 'en',
      fallbackLocales: config.fallbackLocales || {},
    });
    areas.set(basename(catalog.path), messages);
  }
  return areas;
}

/**
 * Lingui names a message by a hash of its text, six characters of base64 at every call site and
 * again in each compiled catalogue, which brotli can hardly shorten. The build numbers them
 * instead: each area's messages in the order of its catalogue, one area after the other (app
 * first, so the list page's are 0, 1, 2…), the same numbers at the call sites of the area's
 * files and in its catalogue of every locale. A catalogue becomes a list, its number the place.
 */
function messageIds() {
  let areas: Promise<Map<string, AreaIds>> | null = null;
  const read = async () => {
    const found = new Map<string, AreaIds>();
    let base = 0;
    for (const [area, messages] of await compiledCatalogues('en')) {
      const ids = Object.keys(messages).sort();
      const numbers = new Map(ids.map((id, index) => [id, base + index]));
      found.set(area, { base, ids, numbers });
      base += ids.length;
    }
    return found;
  };
  const all = () => (areas ??= read());
  return {
    forget: () => {
      areas = null;
    },
    ofArea: async (area: string) => {
      const found = (await all()).get(area);
      if (found === undefined) throw new Error(`lingui.config.ts has no catalogue "${area}"`);
      return found;
    },
    /** The area of a source file: the longest of AREAS' paths it is in (lingui.config.ts). */
    ofFile: async (file: string) => {
      const path = relative(process.cwd(), file).split('\\').join('/');
      const [area] =
        Object.entries(AREAS)
          .flatMap(([name, paths]) => paths.map((folder) => [name, folder] as const))
          .filter(([, folder]) => path === folder || path.startsWith(`${folder}/`))
          .sort(([, a], [, b]) => b.length - a.length)[0] ?? [];
      return area === undefined ? null : ((await all()).get(area) ?? null);
    },
  };
}

/**
 * Babel, after Lingui's macro: each message id of the file's area becomes its number (in `{ id }`
 * descriptors and `<Trans id>`). A message that the area's catalogue lacks fails the build (run
 * `npm run i18n:extract`); while developing it keeps its id, and the runtime shows its text.
 */
export function shortIds(area: AreaIds | null, file: string, building: boolean) {
  return ({ types: t }: { types: typeof BabelTypes }): PluginObj => {
    const literal = (node: BabelTypes.Node | null | undefined) =>
      t.isStringLiteral(node)
        ? node.value
        : t.isJSXExpressionContainer(node) && t.isStringLiteral(node.expression)
          ? node.expression.value
          : undefined;
    /** The number of a Lingui message id, or undefined for any other `id`. */
    const numberOf = (id: string | undefined, message: string | undefined) => {
      if (id === undefined) return undefined;
      const number = area?.numbers.get(id);
      if (number === undefined && message !== undefined && generateMessageId(message) === id) {
        if (building) {
          throw new Error(
            `${file}: the message "${message}" is not in its catalogue: run npm run i18n:extract`,
          );
        }
      }
      return number;
    };
    /**
     * The `_` that the macro took from useLingui (`const { _: _t } = useLingui()`): it takes an
     * id and values as well as a descriptor (runtime.ts, as @lingui/core's does).
     */
    const isMacroMessageFunction = (callee: BabelTypes.Node, at: NodePath) => {
      if (!t.isIdentifier(callee)) return false;
      const declarator = at.scope.getBinding(callee.name)?.path.node;
      return (
        t.isVariableDeclarator(declarator) &&
        t.isObjectPattern(declarator.id) &&
        t.isCallExpression(declarator.init) &&
        t.isIdentifier(declarator.init.callee) &&
        /^_?useLingui\d*$/.test(declarator.init.callee.name) &&
        declarator.id.properties.some(
          (prop) =>
            t.isObjectProperty(prop) &&
            t.isIdentifier(prop.key, { name: '_' }) &&
            t.isIdentifier(prop.value, { name: callee.name }),
        )
      );
    };
    return {
      visitor: {
        Program: {
          exit(program) {
            program.traverse({
              ObjectExpression(path) {
                const props = path.node.properties;
                const named = (name: string) =>
                  props.find(
                    (prop): prop is BabelTypes.ObjectProperty =>
                      t.isObjectProperty(prop) && t.isIdentifier(prop.key, { name }),
                  );
                const id = named('id');
                const message = named('message');
                const number = numberOf(literal(id?.value), literal(message?.value));
                if (id === undefined || number === undefined) return;
                id.value = t.numericLiteral(number);
                if (building && message) props.splice(props.indexOf(message), 1);
                // The macro's own call, `_t({ id: 7, values })`, becomes `_t(7, values)`.
                const call = path.parent;
                const values = named('values');
                if (
                  building &&
                  t.isCallExpression(call) &&
                  call.arguments.length === 1 &&
                  call.arguments[0] === path.node &&
                  isMacroMessageFunction(call.callee, path) &&
                  props.every((prop) => prop === id || prop === values)
                ) {
                  call.arguments = [
                    t.numericLiteral(number),
                    ...(values ? [values.value as BabelTypes.Expression] : []),
                  ];
                }
              },
              JSXOpeningElement(path) {
                const attributes = path.node.attributes;
                const named = (name: string) =>
                  attributes.find(
                    (attribute): attribute is BabelTypes.JSXAttribute =>
                      t.isJSXAttribute(attribute) && t.isJSXIdentifier(attribute.name, { name }),
                  );
                const id = named('id');
                const message = named('message');
                const number = numberOf(literal(id?.value), literal(message?.value));
                if (id === undefined || number === undefined) return;
                id.value = t.jsxExpressionContainer(t.numericLiteral(number));
                if (building && message) attributes.splice(attributes.indexOf(message), 1);
              },
            });
          },
        },
      },
    };
  };
}

/**
 * A compiled catalogue (by id) as a list in the order of its numbers. While developing, a
 * message the locale lacks is left out (null: the runtime shows the source text); a build fails
 * on it.
 */
function catalogueData(
  byId: Record<string, unknown>,
  name: string,
  { ids }: AreaIds,
  building: boolean,
): unknown[] {
  const missing = ids.filter((id) => !(id in byId));
  if (missing.length > 0 && building) {
    throw new Error(`${name} lacks ${missing.join(', ')}: run npm run i18n:extract`);
  }
  // A message that is text alone is its text, as the runtime reads it (`"Copy"` for `["Copy"]`).
  const text = (message: unknown) =>
    Array.isArray(message) && message.length === 1 && typeof message[0] === 'string'
      ? message[0]
      : message;
  return ids.map((id) => text(byId[id]) ?? null);
}

/** The catalogue as a module exporting its messages by number. */
function catalogueList(
  byId: Record<string, unknown>,
  name: string,
  area: AreaIds,
  building: boolean,
) {
  const data = catalogueData(byId, name, area, building);
  const list = JSON.stringify(JSON.stringify(data));
  // A list from 0 is a Messages record as it is (its places are its keys).
  return area.base === 0 && !data.includes(null)
    ? `export const messages=JSON.parse(${list});`
    : `export const messages=Object.fromEntries(JSON.parse(${list}).map((m,i)=>[i+${area.base},m]).filter(e=>e[1]!==null));`;
}

const EMBED_DATA = '?embed-data';
const CATALOGUE_LOADERS = /\/src\/i18n\/load-messages\.ts$/;
const GLOB = /import\.meta\.glob<CatalogModule>\((\[[^\]]*\])\)/;

/**
 * For the embed module, which a portal may pin with Subresource Integrity: a script it imports
 * later is not covered by that integrity value, so each other locale's catalogue is data, not
 * code. It is a JSON file beside the module, named by its SHA-256 (`locale-de-app-<sha256>.json`,
 * in base64url), and fetched with that hash as its integrity value (src/i18n/fetch-catalogue.ts):
 * a file changed on the server fails to load and the editor keeps speaking English, running
 * nothing the portal did not pin.
 */
export function embedCatalogueData(): PluginOption {
  const ids = messageIds();
  let building = false;
  return {
    name: 'lingui-embed-catalogue-data',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    transform(code, id) {
      if (!CATALOGUE_LOADERS.test(id.split('?')[0] ?? id)) return null;
      if (!GLOB.test(code)) this.error(`${id}: its catalogue loaders are not an import.meta.glob`);
      // Eager: the loaders, with their file names and integrity values, are in the module itself.
      return code.replace(
        GLOB,
        `import.meta.glob<CatalogModule>($1, { eager: true, import: 'default', query: '${EMBED_DATA}' })`,
      );
    },
    async load(id) {
      if (!id.endsWith(EMBED_DATA)) return null;
      const catalogue = CATALOGUE.exec(id.slice(0, -EMBED_DATA.length));
      if (!catalogue) this.error(`${id} is not a locale's catalogue`);
      const [, locale = '', area = ''] = catalogue;
      const areaIds = await ids.ofArea(area);
      const byId = (await compiledCatalogues(locale)).get(area) ?? {};
      const json = JSON.stringify(catalogueData(byId, `${locale}/${area}.po`, areaIds, building));
      // Named by its SHA-256 (base64url), the integrity value it is fetched with.
      const hash = createHash('sha256').update(json).digest('base64url');
      const fileName = `assets/locale-${locale}-${area}-${hash}.json`;
      this.emitFile({ type: 'asset', fileName, source: json });
      const fetcher = JSON.stringify(join(process.cwd(), 'src/i18n/fetch-catalogue.ts'));
      return [
        `import { fetchCatalogue } from ${fetcher};`,
        // Relative to the module's own URL (the pinned copy, in assets/, drops the `assets/`).
        // The hash again apart: a portal's bundler may rename the file it copies.
        `export default () => fetchCatalogue(new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url).href, ${JSON.stringify(hash)}, ${areaIds.base});`,
      ].join('\n');
    },
  };
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
