import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

// One catalogue per area of the page, so the list page carries none of the editor's strings and
// each area's messages load with the chunk that shows them (src/i18n/catalogs.ts). A folder
// belongs to exactly one area; a new folder is added to the area whose chunk renders it.
// `npm run i18n:extract` rewrites the catalogues; `npm run lint` fails when they are out of date.
export const AREAS = {
  // src/api's words shown on the list page (load errors, who said what) are the app's.
  app: ['src/app', 'src/ui', 'src/i18n', 'src/features/endpoint-list', 'src/api'],
  editor: [
    'src/features/endpoint-editor',
    'src/features/signing-secret',
    'src/features/history',
    'src/features/delete-endpoint',
    'src/features/add-endpoint',
    // Shared pieces that only the editor's chunk shows: their English stays off the list page.
    'src/ui/secret-field.tsx',
    'src/ui/back-link.tsx',
    'src/app/endpoint-editor.tsx',
    // What a failed add, delete or request says: only the editor's chunk shows it.
    'src/api/action-failure.ts',
    'src/api/error-text.ts',
  ],
  form: ['src/endpoint-form'],
} as const;

/** Paths inside this area's folders that another area names itself (a file of src/ui, say). */
function claimedElsewhere(area: string, include: readonly string[]): string[] {
  return Object.entries(AREAS)
    .filter(([other]) => other !== area)
    .flatMap(([, paths]) => paths)
    .filter((path) => include.some((folder) => path.startsWith(`${folder}/`)));
}

// The languages shipped are the folders of src/locales: a new language is a folder, made with
// `mkdir src/locales/<tag> && npm run i18n:extract`, then translated. English is the source.
// Paths from this file's own (a string: a test's DOM has a URL class of its own).
const root = dirname(fileURLToPath(import.meta.url));
const localesDir = join(root, 'src/locales');
export const LOCALES = [
  'en',
  ...readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'en')
    .map((entry) => entry.name)
    .sort(),
];

export default defineConfig({
  sourceLocale: 'en',
  locales: LOCALES,
  // A message not yet translated shows in English, never as its id.
  fallbackLocales: { default: 'en' },
  format: formatter({ lineNumbers: false }),
  // The macros' useLingui and Trans come from our modules: the list page then carries no Trans
  // (src/i18n/lingui-react.tsx says why). Absolute paths, as every source file imports them.
  runtimeConfigModule: {
    useLingui: [join(root, 'src/i18n/lingui-react.tsx'), 'useLingui'],
    Trans: [join(root, 'src/i18n/trans.tsx'), 'Trans'],
  },
  catalogs: Object.entries(AREAS).map(([area, include]) => ({
    path: `<rootDir>/src/locales/{locale}/${area}`,
    include: [...include],
    exclude: ['**/*.test.ts', '**/*.test.tsx', ...claimedElsewhere(area, include)],
  })),
});
