import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import konpro from './eslint/no-raw-text.js';

// Folders (or files) whose text comes from the message catalogues (lingui.config.ts):
// `konpro/no-raw-text` fails on text written in their code. A new folder of src/ is added here;
// src/i18n/translated-folders.test.ts fails on a file of src/ that the list does not hold.
export const TRANSLATED_FOLDERS = [
  'src/i18n',
  'src/features/add-endpoint',
  'src/features/delete-endpoint',
  'src/endpoint-form',
  'src/features/endpoint-list',
  'src/ui',
  'src/app',
  'src/api',
  'src/drafts',
  'src/embed.ts',
  'src/react.tsx',
  'src/main.tsx',
  'src/features/endpoint-editor',
  'src/features/signing-secret',
  'src/features/history',
];

const filesOf = (path) => (/\.tsx?$/.test(path) ? path : `${path}/**/*.{ts,tsx}`);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // Playwright fixtures call a parameter named `use`; the hooks rules belong to the app only.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // A React portal renders the editor with its own React, 18.3 or 19: the app keeps to what both
    // have (the `react-18` test project runs it on 18.3).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              importNames: ['use', 'useActionState', 'useOptimistic', 'useEffectEvent', 'Activity'],
              message: 'React 19 only: a portal may render the editor with React 18.3.',
            },
            {
              name: 'react-dom',
              importNames: [
                'useFormStatus',
                'requestFormReset',
                'preload',
                'preloadModule',
                'preinit',
                'preinitModule',
                'preconnect',
                'prefetchDNS',
              ],
              message: 'React 19 only: a portal may render the editor with React 18.3.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXOpeningElement > JSXIdentifier[name=/Context$/]',
          message: 'Render <SomeContext.Provider>: React 18.3 reads <SomeContext> as a consumer.',
        },
      ],
    },
  },
  {
    files: TRANSLATED_FOLDERS.map(filesOf),
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { konpro },
    rules: {
      'konpro/no-raw-text': [
        'error',
        {
          // Attributes and props whose text the admin reads or hears.
          attributes: [
            'aria-label',
            'aria-description',
            'aria-roledescription',
            'aria-valuetext',
            'alt',
            'title',
            'placeholder',
            'label',
            'note',
            'advice',
            'message',
            'leaveLabel',
          ],
          functions: ['usePageTitle'],
          // Fields a plain module (an error's description, say) hands to the screen.
          properties: ['title', 'advice', 'note', 'label'],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // A portal's own code: it imports the installed package, which only the example's folder has
    // (scripts/test-examples.mjs type-checks it there), so it is linted here without types.
    files: ['examples/*/src/**/*.{ts,tsx}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
);
