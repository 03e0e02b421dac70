import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The module the app imports on demand for an open endpoint (see src/app/use-editor-module.ts). */
const EDITOR_MODULE = '/src/app/endpoint-editor.tsx';
const PAGE = 'deep-link.html';
const CATALOG = '/api/v1/webhook/webhook.list';

const chunks = (bundle: OutputBundle) =>
  Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');

/** A chunk's file and the files it imports statically, transitively. */
function withImports(bundle: OutputBundle, fileName: string, into = new Set<string>()) {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const name of chunk.imports) withImports(bundle, name, into);
  return into;
}

/**
 * Writes `deep-link.html`: index.html plus a module preload of the editor's chunk and its styles.
 * The server sends it for `?endpoint_id=` and `?new` links, so the browser fetches the editor's
 * code beside the entry instead of after it has run; the list page (`/`) keeps the editor off its
 * first load.
 */
export function deepLinkPage(): Plugin {
  return {
    name: 'konpro-deep-link-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      const editor = chunks(bundle).find((chunk) => chunk.facadeModuleId?.endsWith(EDITOR_MODULE));
      const entry = chunks(bundle).find((chunk) => chunk.isEntry);
      if (html?.type !== 'asset' || !editor || !entry) {
        this.error(`${PAGE}: index.html, the entry or the chunk of ${EDITOR_MODULE} is missing`);
      }
      const upFront = withImports(bundle, entry.fileName);
      const editorFiles = [...withImports(bundle, editor.fileName)].filter((n) => !upFront.has(n));
      const links = editorFiles.map(
        (name) => `<link rel="modulepreload" crossorigin href="/${name}">`,
      );
      // The editor's own styles come with its chunk; a deep link asks for them up front too, so
      // the editor never waits for them (Vite's loader finds the link and does not add another).
      for (const name of editorFiles) {
        const css = (bundle[name] as OutputChunk & { viteMetadata?: { importedCss: Set<string> } })
          .viteMetadata?.importedCss;
        for (const sheet of css ?? []) links.push(`<link rel="stylesheet" href="/${sheet}">`);
      }
      // The editor also needs the event catalog: ask for it beside the list (index.html).
      links.push(`<link rel="preload" href="${CATALOG}" as="fetch" crossorigin>`);
      const page = String(html.source).replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      if (page === html.source) this.error(`${PAGE}: index.html has no </head>`);
      this.emitFile({ type: 'asset', fileName: PAGE, source: page });
    },
  };
}
