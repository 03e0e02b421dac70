// What `konpro-webhook-editor/react` adds to a React portal's JavaScript. The react-portal example,
// installed from the packed package, is built twice with its own Vite: as it is, and with the
// component swapped for one that renders nothing, so React, the portal's own code and its CSS
// are the same in both (React counted in neither difference, and present once). Counted in
// brotli bytes (quality 11) of JavaScript:
//   initial  what the page loads before an endpoint opens: index.html's scripts, module
//            preloads and their static imports;
//   total    every chunk of the build, the editor's form (loaded when an endpoint opens) included,
//            but the catalogues of locales other than English (`locale-de-form-…`): a page loads
//            one language's, and they are counted apart (`localeChunks`).
// The editor's CSS is inside its JavaScript, so it is counted there.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialAssetsOfHtml, measureFiles } from './asset-sizes.mjs';
import { run } from './processes.mjs';

const WITHOUT_EDITOR_MODULE = `// The same portal without the editor: the component renders nothing.
export function WebhookEndpointEditor() {
  return null;
}
`;

const WITHOUT_EDITOR_CONFIG = `import { mergeConfig } from 'vite';
import base from './vite.config.js';

export default mergeConfig(base, {
  resolve: {
    alias: [
      {
        find: /^konpro-webhook-editor\\/react$/,
        replacement: new URL('./without-editor.jsx', import.meta.url).pathname,
      },
    ],
  },
});
`;

// react-dom's production build links each of its errors to React's decoder page, from one place.
const REACT_DOM_MARK = /reactjs\.org\/docs\/error-decoder|react\.dev\/errors\//g;

function measureBuild(buildDir) {
  const javascript = (files) => files.filter((file) => file.endsWith('.js'));
  const assets = join(buildDir, 'assets');
  const all = javascript(readdirSync(assets).map((name) => join(assets, name)));
  const isLocale = (file) => /[\\/]locale-[\w-]+\.js$/.test(file);
  return {
    initial: measureFiles(javascript(initialAssetsOfHtml(buildDir)), buildDir),
    total: measureFiles(
      all.filter((file) => !isLocale(file)),
      buildDir,
    ),
    localeChunks: measureFiles(all.filter(isLocale), buildDir),
    reactDomCopies: all.reduce(
      (copies, file) => copies + (readFileSync(file, 'utf8').match(REACT_DOM_MARK)?.length ?? 0),
      0,
    ),
  };
}

/** Builds the installed react-portal example in `dir` with and without the editor, and compares. */
export async function measureReactEntry(dir) {
  const vite = join(dir, 'node_modules/vite/bin/vite.js');
  const build = (args) =>
    run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--emptyOutDir', ...args], {
      cwd: dir,
    });
  writeFileSync(join(dir, 'without-editor.jsx'), WITHOUT_EDITOR_MODULE);
  writeFileSync(join(dir, 'without-editor.config.mjs'), WITHOUT_EDITOR_CONFIG);
  await build(['--outDir', 'size-with-editor']);
  await build(['--config', 'without-editor.config.mjs', '--outDir', 'size-without-editor']);
  const withEditor = measureBuild(join(dir, 'size-with-editor'));
  const withoutEditor = measureBuild(join(dir, 'size-without-editor'));
  return {
    withEditor,
    withoutEditor,
    // The portal's React, and no other: as many copies of react-dom with the editor as without.
    oneReact: withEditor.reactDomCopies === withoutEditor.reactDomCopies,
    added: {
      initial: withEditor.initial.brotli - withoutEditor.initial.brotli,
      total: withEditor.total.brotli - withoutEditor.total.brotli,
    },
  };
}
