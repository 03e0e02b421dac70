import type { Linter } from 'eslint';

/** Folders (or files) of src/ under konpro/no-raw-text. */
export const TRANSLATED_FOLDERS: readonly string[];
declare const config: Linter.Config[];
export default config;
